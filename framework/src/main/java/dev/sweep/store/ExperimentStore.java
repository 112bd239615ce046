package dev.sweep.store;

import dev.sweep.store.h2.H2ExperimentStore;

/**
 * Everything Sweep stores, by concern: sweeps, trials, epochs, models and read-only queries. Every backend passes
 * {@code ExperimentStoreContract}; today's is H2 ({@link H2ExperimentStore}), a file (or a {@code jdbc:h2:} URL).
 */
public interface ExperimentStore extends SweepStore, TrialStore, EpochStore, ModelStore, QueryStore, AutoCloseable {
    /** What {@code --db} is when not given: {@code ./experiments.mv.db}. */
    String DEFAULT_LOCATION = "experiments";

    /** Whether a database is there to open; a {@code jdbc:} URL's is taken to be. */
    static boolean exists(String location) {
        return H2ExperimentStore.exists(location);
    }

    /** Opens the database, creating it when it does not exist: what a sweep that writes needs. */
    static ExperimentStore open(String location) {
        return H2ExperimentStore.open(location);
    }

    /** Opens a database that must already exist, to write to it (a resume). */
    static ExperimentStore openExisting(String location) {
        return H2ExperimentStore.openExisting(location);
    }

    /**
     * Opens a database that must already exist, to read it: in this process, beside whoever writes it, without
     * slowing or blocking that writer, and without writing (a database made by an older Sweep is upgraded first).
     * It never leaves a new file behind. Writing through it fails.
     */
    static ExperimentStore openForReading(String location) {
        return H2ExperimentStore.openForReading(location);
    }

    /** What to call the database in messages: the file it is in, or its URL. */
    String location();

    @Override
    void close();
}
