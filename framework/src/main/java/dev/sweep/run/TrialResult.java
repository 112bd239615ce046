package dev.sweep.run;

import dev.sweep.arch.Network;
import dev.sweep.train.ClassificationMetrics;
import dev.sweep.train.EpochMetrics;

import java.io.Serializable;
import java.util.List;

/**
 * What a completed trial execution hands back: metrics, history, timings and the trained model as a DL4J zip.
 *
 * @param validation the metrics of the model handed back, whose weights are those of {@code bestEpoch}
 * @param latencyMs  inference milliseconds per image at batch 1 and at batch 256
 */
public record TrialResult(List<EpochMetrics> epochs, ClassificationMetrics validation, ClassificationMetrics test,
                          long parameterCount, double trainSeconds, double evalSeconds, Network.Format format,
                          byte[] model, int bestEpoch, double[] latencyMs) implements Serializable {

    /** Training images per second over all epochs. */
    public double trainImagesPerSecond() {
        double images = 0;
        double seconds = 0;
        for (EpochMetrics e : epochs) {
            images += e.imagesPerSecond() * e.seconds();
            seconds += e.seconds();
        }
        return seconds > 0 ? images / seconds : Double.NaN;
    }
}
