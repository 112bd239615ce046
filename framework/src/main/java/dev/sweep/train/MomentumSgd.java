package dev.sweep.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * SGD with classical (heavy-ball) momentum as PyTorch and Keras define it: {@code v = momentum * v + g} and
 * {@code w -= lr * v}. DL4J's own Sgd has no momentum and its Nesterovs is Nesterov's variant; seed 002 trains with
 * {@code optim.SGD(lr=0.01, momentum=0.9)}. Fields, not getters, are what DL4J's JSON stores.
 */
public final class MomentumSgd implements IUpdater {
    private double learningRate;
    private double momentum;
    private ISchedule learningRateSchedule;

    /** For DL4J's JSON deserialization. */
    public MomentumSgd() {
    }

    public MomentumSgd(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        MomentumSgdUpdater updater = new MomentumSgdUpdater(this);
        long[] shape = Arrays.copyOf(viewArray.shape(), viewArray.rank());
        updater.setStateViewArray(viewArray, shape, viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        MomentumSgdUpdater updater = new MomentumSgdUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public MomentumSgd clone() {
        MomentumSgd copy = new MomentumSgd(learningRate, momentum);
        copy.learningRateSchedule = learningRateSchedule == null ? null : learningRateSchedule.clone();
        return copy;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentumSgd other && other.learningRate == learningRate && other.momentum == momentum
                && Objects.equals(other.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }
}
