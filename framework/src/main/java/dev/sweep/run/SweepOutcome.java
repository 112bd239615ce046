package dev.sweep.run;

import dev.sweep.store.TrialRecord;

import java.util.Optional;

/**
 * What a sweep run did: trials completed, pruned and failed in this run, and those kept from an earlier one.
 *
 * @param budget      the time budget, or null
 * @param budgetUsed  how much of it all the sweep's runs have used, this one included
 * @param notStarted  trials left unstarted because the budget was spent
 */
public record SweepOutcome(long sweepId, String name, int planned, int complete, int pruned, int failed, int skipped,
                           Optional<TrialRecord> best, double wallSeconds, java.time.Duration budget, java.time.Duration budgetUsed,
                           int notStarted) {
}
