package dev.sweep.train;

/** One epoch of a trial: the mean training loss of its minibatches, then the validation figures after it. */
public record EpochMetrics(int epoch, double trainLoss, double valLoss, double valAccuracy, double seconds,
                           double imagesPerSecond) {
}
