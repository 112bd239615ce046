package dev.sweep.arch;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

import java.util.function.Supplier;

/**
 * What an architecture gets to build a network from.
 *
 * @param baseConfiguration a fresh builder with the trial's seed, updater, weight initialization and L2 already set
 */
public record NetworkRequest(HyperParameters parameters, ImageShape input,
                             Supplier<NeuralNetConfiguration.Builder> baseConfiguration) {

    public NeuralNetConfiguration.Builder base() {
        return baseConfiguration.get();
    }

    /**
     * DL4J's {@code dropOut(p)} takes the probability to keep a unit; sweep files give the drop rate, as Keras and
     * PyTorch do. Returns 0 for "no dropout", which DL4J reads as disabled.
     */
    public static double keepProbability(double dropRate) {
        if (dropRate < 0 || dropRate >= 1) {
            throw new IllegalArgumentException("a drop rate is in [0, 1), got " + dropRate);
        }
        return dropRate == 0 ? 0 : 1 - dropRate;
    }
}
