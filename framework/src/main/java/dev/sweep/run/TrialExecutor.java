package dev.sweep.run;

import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialReporter;

/**
 * Runs trials. The sweep loop, the store and resume do not care where: in this process, or elsewhere.
 *
 * <p>Throws {@link TrialFailedException} for a trial that cannot produce a result (recorded as FAILED, the sweep
 * goes on); any other exception is fatal and stops the sweep.
 */
public interface TrialExecutor {
    TrialResult execute(TrialSpec spec, TrialReporter reporter) throws TrialFailedException;

    /**
     * Trials this executor can run at once now: a sweep runs {@code max(parallel, slots())} side by side, asked again
     * as trials end, so a cluster's executors that register late are used.
     */
    default int slots() {
        return 1;
    }
}
