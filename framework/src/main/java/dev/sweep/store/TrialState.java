package dev.sweep.store;

public enum TrialState {
    /** Started and not ended; left behind by a process that died. */
    RUNNING,
    COMPLETE,
    /** Could not produce a result; the reason is stored. Not re-run on resume. */
    FAILED,
    /** Stopped by a fatal error or the user; re-run on resume. */
    INTERRUPTED,
    /** Stopped by the sweep's pruner after an epoch, with the metrics it reached. Not re-run, never the best. */
    PRUNED
}
