package dev.sweep.train;

/** The pruner stopped the trial after an epoch: recorded as PRUNED with the metrics it reached, not as a failure. */
public final class TrialPrunedException extends TrialFailedException {
    private final EpochMetrics last;

    public TrialPrunedException(EpochMetrics last) {
        super("pruned after epoch " + last.epoch(), null);
        this.last = last;
    }

    public EpochMetrics last() {
        return last;
    }
}
