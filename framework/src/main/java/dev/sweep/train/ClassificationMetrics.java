package dev.sweep.train;

import java.io.Serializable;

/**
 * How well a network classifies one set of images.
 *
 * @param loss      mean cross-entropy, without regularization
 * @param macroF1   unweighted mean of the per-class F1 scores
 * @param aucRoc    unweighted mean of the one-vs-rest AUC-ROC of each class, or NaN when not computed
 * @param confusion {@code confusion[actual][predicted]} counts
 */
public record ClassificationMetrics(int count, double accuracy, double loss, double macroF1, double aucRoc,
                                    int[][] confusion) implements Serializable {
}
