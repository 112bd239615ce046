package dev.sweep.train;

/**
 * Keras' EarlyStopping with restore_best_weights: an epoch improves when the objective beats the best so far by more
 * than {@code minDelta}; training stops once {@code patience} epochs in a row have not. Patience 0 never stops.
 */
final class EarlyStopping {
    private final int patience;
    private final double minDelta;
    private final boolean maximize;
    private double best;
    private int bestEpoch;
    private int sinceBest;

    EarlyStopping(int patience, double minDelta, boolean maximize) {
        this.patience = patience;
        this.minDelta = minDelta;
        this.maximize = maximize;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Records an epoch's objective; true when it is the new best. */
    boolean observe(int epoch, double objective) {
        boolean improved = maximize ? objective - best > minDelta : best - objective > minDelta;
        if (improved || bestEpoch == 0) {
            best = objective;
            bestEpoch = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    int bestEpoch() {
        return bestEpoch;
    }
}
