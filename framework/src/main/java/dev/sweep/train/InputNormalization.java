package dev.sweep.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How pixels become network inputs, for training batches and evaluation alike. */
public enum InputNormalization {
    /** pixel / 255, in [0, 1]: what Keras' seeds do. */
    SCALE,
    /** (pixel / 255 - 0.1307) / 0.3081: MNIST's training mean and standard deviation, as seed 001 normalizes. */
    STANDARDIZE;

    static final float MEAN = 0.1307f;
    static final float STD = 0.3081f;

    public static InputNormalization named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** One input value from a scaled pixel in [0, 1]. */
    public float apply(float scaled) {
        return this == SCALE ? scaled : (scaled - MEAN) / STD;
    }

    /** Inputs from a matrix of scaled pixels; the matrix itself is left as it is. */
    public INDArray apply(INDArray scaled) {
        return this == SCALE ? scaled : scaled.sub(MEAN).divi(STD);
    }
}
