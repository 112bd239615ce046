package dev.sweep.store;

import dev.sweep.run.TrialResult;
import dev.sweep.train.EpochMetrics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trials through their life: RUNNING from the moment they start (before any epoch), then COMPLETE with their metrics
 * and model, PRUNED with their last epoch's, or FAILED or INTERRUPTED with a reason.
 */
public interface TrialStore {
    /**
     * Records a trial of {@code architecture} as RUNNING by {@code worker} with its resolved parameters, replacing an earlier unfinished
     * attempt at the same candidate number (its epochs go with it) and counting the attempts.
     */
    long startTrial(long sweepId, int number, String architecture, long seed, String configJson, Map<String, Object> parameters,
                    Map<String, String> sources, String worker);

    /** Says that the process running these trials is alive; trials no longer RUNNING are left as they are. */
    void heartbeat(Collection<Long> trialIds);

    /** One finished execution of a trial that repeats: its seed and final metrics. */
    void recordRepeat(long trialId, int repeat, long seed, TrialResult result, double objectiveValue);

    /**
     * Completes a trial with the result of its best repeat (metrics and model, in one transaction) and the mean and
     * standard deviation of its repeats' objective.
     */
    void completeTrial(long trialId, TrialResult result, int bestRepeat, int repeats, double objectiveMean,
                       Double objectiveStd, double wallSeconds);

    /** Ends a trial its pruner stopped, keeping the metrics of its last epoch. */
    void pruneTrial(long trialId, EpochMetrics last, double objectiveValue, String reason, double wallSeconds);

    /** Ends a trial as FAILED or INTERRUPTED, with the reason. */
    void endTrial(long trialId, TrialState state, String error, double wallSeconds);

    /** A sweep's trials by candidate number. */
    List<TrialRecord> trials(long sweepId);

    Optional<TrialRecord> trial(long trialId);

    /** The completed trial of a sweep that is best by the sweep's objective; ties go to the earlier trial. */
    Optional<TrialRecord> bestTrial(long sweepId);

    /** Completed trials first, each sweep's best first; then the rest, newest first. {@code sweepName} null: all. */
    List<TrialRecord> leaderboard(String sweepName, int limit);

    List<RepeatRecord> repeats(long trialId);

    /** The stored test confusion matrix of a completed trial, rows true classes; empty when it has none. */
    Optional<int[][]> testConfusion(long trialId);

    /** The stored validation confusion matrix of the trial's final model; empty when it has none. */
    Optional<int[][]> validationConfusion(long trialId);
}
