package dev.sweep.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How pixels become network inputs, for training batches and evaluation alike: {@code scale} (pixel / 255, what
 * Keras' seeds do), {@code standardize} ((pixel / 255 - 0.1307) / 0.3081, MNIST's training mean and standard
 * deviation, as seed 001 normalizes), or {@code dataset}: each channel standardized by the training images' own mean
 * and standard deviation, as photo pipelines do (torchvision's {@code Normalize(mean, std)}).
 */
public final class InputNormalization {
    public static final List<String> NAMES = List.of("scale", "standardize", "dataset");
    static final float MEAN = 0.1307f;
    static final float STD = 0.3081f;

    public static final InputNormalization SCALE = new InputNormalization("scale", null, null);
    public static final InputNormalization STANDARDIZE = new InputNormalization("standardize", new float[]{MEAN}, new float[]{STD});

    private final String name;
    /** Per channel; a single value applies to every channel. Null for scale. */
    private final float[] mean;
    private final float[] std;

    private InputNormalization(String name, float[] mean, float[] std) {
        this.name = name;
        this.mean = mean;
        this.std = std;
    }

    /**
     * @param channelMean the training images' mean of pixel / 255 per channel, which {@code dataset} needs
     * @param channelStd  their standard deviation per channel
     */
    public static InputNormalization named(String name, float[] channelMean, float[] channelStd) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "scale" -> SCALE;
            case "standardize" -> STANDARDIZE;
            case "dataset" -> {
                if (channelMean == null || channelStd == null || channelMean.length != channelStd.length || channelMean.length == 0) {
                    throw new IllegalArgumentException("normalize: dataset needs the training images' mean and standard deviation per channel");
                }
                float[] spread = channelStd.clone();
                for (int c = 0; c < spread.length; c++) {
                    // A channel that never changes (blank pictures) would divide by zero.
                    spread[c] = Math.max(spread[c], 1e-6f);
                }
                yield new InputNormalization("dataset", channelMean.clone(), spread);
            }
            default -> throw new IllegalArgumentException("normalize is one of " + NAMES + ", not '" + name + "'");
        };
    }

    public String name() {
        return name;
    }

    /** Whether inputs are the scaled pixels as they are. */
    public boolean isScale() {
        return mean == null;
    }

    /** One input value from a scaled pixel in [0, 1] of {@code channel}. */
    public float apply(float scaled, int channel) {
        if (mean == null) {
            return scaled;
        }
        int c = mean.length == 1 ? 0 : channel;
        return (scaled - mean[c]) / std[c];
    }

    /** Inputs from a matrix of scaled pixels, {@code [n, channels * height * width]}; the matrix itself is left as it is. */
    public INDArray apply(INDArray scaled) {
        if (mean == null) {
            return scaled;
        }
        if (mean.length == 1) {
            return scaled.sub(mean[0]).divi(std[0]);
        }
        int width = (int) scaled.size(1);
        int plane = width / mean.length;
        float[] means = new float[width];
        float[] stds = new float[width];
        for (int c = 0; c < mean.length; c++) {
            Arrays.fill(means, c * plane, (c + 1) * plane, mean[c]);
            Arrays.fill(stds, c * plane, (c + 1) * plane, std[c]);
        }
        INDArray meanRow = Nd4j.create(means, new long[]{1, width}, 'c').castTo(scaled.dataType());
        INDArray stdRow = Nd4j.create(stds, new long[]{1, width}, 'c').castTo(scaled.dataType());
        return scaled.subRowVector(meanRow).diviRowVector(stdRow);
    }

    @Override
    public String toString() {
        return mean == null ? name : name + " (mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")";
    }
}
