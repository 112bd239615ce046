package dev.sweep.arch;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's L2 regularization with its loss term computed as a BLAS dot product.
 *
 * <p>beta7's {@link L2Regularization#score} takes the squared norm through a slow scalar reduction over every
 * parameter view, on every step: 17% of an mlp step with {@code l2} or {@code weight_decay}. The gradient step is
 * DL4J's own, yet the weights do not train to the same bits: after 6 steps of a small dense net they are a few ULPs
 * off (TrainingFastPathsTest), and the reported loss agrees to 5 digits. Stored in the model's JSON by its class
 * name, so a reloaded model keeps it.
 */
public final class FastL2Regularization extends L2Regularization {

    public FastL2Regularization(double l2) {
        super(l2);
    }

    public FastL2Regularization(@JsonProperty("l2") ISchedule l2) {
        super(l2);
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return l2.valueAt(iteration, epoch) * 0.5 * Nd4j.getBlasWrapper().dot(param, param);
    }

    @Override
    public Regularization clone() {
        return new FastL2Regularization(l2.clone());
    }
}
