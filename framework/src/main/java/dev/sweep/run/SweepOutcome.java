package dev.sweep.run;

import dev.sweep.store.TrialRecord;

import java.util.Optional;

/** What a sweep run did: trials completed, pruned and failed in this run, and those kept from an earlier one. */
public record SweepOutcome(long sweepId, String name, int planned, int complete, int pruned, int failed, int skipped,
                           Optional<TrialRecord> best, double wallSeconds) {
}
