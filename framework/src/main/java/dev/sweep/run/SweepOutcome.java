package dev.sweep.run;

import dev.sweep.store.TrialRecord;

import java.util.Optional;

public record SweepOutcome(long sweepId, String name, int planned, int complete, int failed, int skipped,
                           Optional<TrialRecord> best, double wallSeconds) {
}
