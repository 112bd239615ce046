package dev.sweep.run;

import dev.sweep.prune.LiveHistory;
import dev.sweep.prune.Pruner;
import dev.sweep.train.EpochMetrics;

/** A sweep's pruner, if it has one, and the history it judges, kept up to date as trials start, train and end. */
record SweepPruning(Pruner pruner, LiveHistory history) {
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
