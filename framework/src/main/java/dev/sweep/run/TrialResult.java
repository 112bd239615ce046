package dev.sweep.run;

import dev.sweep.arch.Network;
import dev.sweep.train.ClassificationMetrics;
import dev.sweep.train.EpochMetrics;

import java.util.List;

/**
 * What a completed trial execution hands back: metrics, history, timings and the trained model as a DL4J zip.
 *
 * @param validation the metrics of the model handed back, whose weights are those of {@code bestEpoch}
 */
public record TrialResult(List<EpochMetrics> epochs, ClassificationMetrics validation, ClassificationMetrics test,
                          long parameterCount, double trainSeconds, double evalSeconds, Network.Format format,
                          byte[] model, int bestEpoch) {
}
