package dev.sweep.cli;

import dev.sweep.space.ParameterValues;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;

/** Looking up trials by id for {@code show} and {@code compare}, and printing their values. */
final class Trials {
    private Trials() {
    }

    static TrialRecord find(ExperimentStore store, long id) {
        return store.trial(id).orElseThrow(() -> new UserInputException("no trial " + id + " in " + store.location()
                + ". Fix: take an id from the first column of ./sweep leaderboard"));
    }

    static String format(Object value) {
        if (value == null) {
            return "-";
        }
        return value instanceof Number ? ParameterValues.format(value) : String.valueOf(value);
    }
}
