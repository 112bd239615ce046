package dev.sweep.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;

import java.util.Collections;
import java.util.Map;

/** The state and step of {@link MomentumSgd}: the velocity, one value per parameter. */
final class MomentumSgdUpdater implements GradientUpdater<MomentumSgd> {
    private static final String VELOCITY = "V";
    private final MomentumSgd config;
    private INDArray velocity;

    MomentumSgdUpdater(MomentumSgd config) {
        this.config = config;
    }

    @Override
    public MomentumSgd getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (!stateMap.containsKey(VELOCITY) || stateMap.size() != 1) {
            throw new IllegalStateException("momentum SGD state holds only '" + VELOCITY + "', got " + stateMap.keySet());
        }
        velocity = stateMap.get(VELOCITY);
        if (initialize) {
            velocity.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Collections.singletonMap(VELOCITY, velocity);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (initialize) {
            viewArray.assign(0);
        }
        velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
        if (velocity == null) {
            throw new IllegalStateException("could not shape the momentum state like the gradient");
        }
    }

    /** DL4J subtracts what this leaves in {@code gradient} from the parameters. */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        velocity.muli(config.momentum()).addi(gradient);
        gradient.assign(velocity).muli(config.getLearningRate(iteration, epoch));
    }
}
