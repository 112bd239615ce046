package dev.sweep.run;

import dev.sweep.prune.LiveHistory;
import dev.sweep.prune.Pruner;
import dev.sweep.train.EpochMetrics;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the sweep decides about its running trials: stop them (Ctrl-C, or a fatal error in another trial) and prune
 * them (the sweep's pruner, on the history that every trial's epochs update).
 */
final class SweepControl {
    private final StopSignal stop;
    private final AtomicBoolean abort;
    private final Pruner pruner;
    private final LiveHistory history;

    /** @param pruner the sweep's pruner, or null */
    SweepControl(StopSignal stop, AtomicBoolean abort, Pruner pruner, LiveHistory history) {
        this.stop = stop;
        this.abort = abort;
        this.pruner = pruner;
        this.history = history;
    }

    boolean stopRequested() {
        return stop.isRequested() || abort.get();
    }

    /** Why a trial stopped without finishing: the user's request, or another trial's fatal error. */
    String interruption(RuntimeException cause) {
        return stop.isRequested() ? cause.getMessage() : "stopped because another trial of the sweep hit a fatal error";
    }

    void started(int number) {
        history.started(number);
    }

    void epoch(int number, int repeat, EpochMetrics metrics) {
        history.epoch(number, repeat, metrics);
    }

    void completed(int number) {
        history.completed(number);
    }

    boolean shouldPrune(int number, int epoch, double objective) {
        return pruner != null && pruner.shouldPrune(number, epoch, objective, history.snapshot());
    }
}
