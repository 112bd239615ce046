package dev.sweep.store;

import dev.sweep.prune.History;
import dev.sweep.train.EpochMetrics;

import java.util.List;

/** Per-epoch metrics: one row per trial, repeat and epoch, however often an epoch arrives (a retried Spark task). */
public interface EpochStore {
    /** Stores an epoch as it ends; the same epoch stored again replaces it. */
    void recordEpoch(long trialId, int repeat, EpochMetrics metrics);

    /** The epochs of the trial's best repeat (its only one, unless it repeats): the history of its stored model. */
    List<EpochMetrics> epochs(long trialId);

    List<EpochMetrics> epochs(long trialId, int repeat);

    /** Every trial's objective per epoch (first execution), by candidate number, for the sweep's pruner. */
    History history(long sweepId, String metric, boolean maximize);
}
