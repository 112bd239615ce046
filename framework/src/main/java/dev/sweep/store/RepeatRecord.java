package dev.sweep.store;

/** One stored execution of a trial that repeats with different seeds. */
public record RepeatRecord(int repeat, long seed, Double objectiveValue, Double valAccuracy, Double testAccuracy,
                           int epochsDone, int bestEpoch) {
}
