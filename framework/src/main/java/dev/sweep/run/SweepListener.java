package dev.sweep.run;

import dev.sweep.config.SweepDefinition;
import dev.sweep.store.TrialState;
import dev.sweep.train.TrialReporter;

import java.util.Map;

/** What a sweep tells its user while it runs. Every method has a do-nothing default. */
public interface SweepListener {
    SweepListener NONE = new SweepListener() {
    };

    default void sweepStarted(SweepDefinition definition, int planned, int alreadyDone) {
    }

    default TrialReporter trialStarted(int number, int planned, Map<String, Object> searched) {
        return TrialReporter.NONE;
    }

    default void trialEnded(int number, TrialState state, Double objective, String error, double wallSeconds) {
    }

    default void sweepEnded(SweepOutcome outcome) {
    }
}
