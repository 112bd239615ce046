package dev.sweep.train;

import java.io.Serializable;

/**
 * One epoch of a trial: the mean training loss of its minibatches, then the figures measured after it.
 *
 * @param trainAccuracy accuracy on a fixed sample of training images, measured after the epoch like validation (no
 *                      dropout, no augmentation), so that the two curves compare; NaN where it was not measured
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                           double seconds, double imagesPerSecond) implements Serializable {
}
