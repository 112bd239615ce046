package dev.sweep.spark;

import dev.sweep.run.TrialResult;
import dev.sweep.train.EpochMetrics;

import java.io.Serializable;

/**
 * What a task hands back. A trial that fails (a bad parameter set) is a value, not a failed task: Spark would retry
 * it on another executor, to fail the same way.
 *
 * @param result  the completed trial, or null
 * @param failure why the trial failed, or null
 * @param pruned  the last epoch of a trial the pruner stopped, or null
 * @param host    the executor process it ran in, as {@code pid@host}, for messages
 */
record TaskOutcome(TrialResult result, String failure, EpochMetrics pruned, String host) implements Serializable {
}
