package dev.sweep.train;

/** What a training trial tells the sweep while it runs. Epochs are reported as soon as they end. */
public interface TrialReporter {
    TrialReporter NONE = new TrialReporter() {
    };

    default void batchCompleted(int epoch, long imagesSeen, long imagesPerEpoch, double imagesPerSecond) {
    }

    default void epochCompleted(EpochMetrics metrics) {
    }

    /** Asked after every stored epoch with its objective: true stops the trial as pruned. */
    default boolean shouldPrune(int epoch, double objective) {
        return false;
    }

    /** Asked after every batch: true makes training stop with {@link StopRequestedException}. */
    default boolean stopRequested() {
        return false;
    }
}
