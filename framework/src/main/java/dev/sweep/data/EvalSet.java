package dev.sweep.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Images prepared once as a float matrix {@code [n, pixels]} scaled to [0, 1], with their labels. */
public record EvalSet(INDArray features, int[] labels) {
    public int count() {
        return labels.length;
    }
}
