package dev.sweep.store;

import dev.sweep.config.SweepDefinition;

import java.util.List;
import java.util.Optional;

/** Sweeps: one row each, with the file that defined it and its state (RUNNING, INTERRUPTED, COMPLETE). */
public interface SweepStore {
    Optional<SweepRecord> findSweep(String name);

    /** Every sweep, oldest first. */
    List<SweepRecord> sweeps();

    /** Stores a new sweep as RUNNING and returns its id. */
    long createSweep(SweepDefinition definition, int plannedTrials);

    void setSweepState(long sweepId, SweepState state);
}
