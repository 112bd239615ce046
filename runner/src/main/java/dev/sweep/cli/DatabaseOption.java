package dev.sweep.cli;

import dev.sweep.store.ExperimentStore;
import picocli.CommandLine.Option;

/** {@code --db}, shared by every command that reads or writes experiments. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH",
            description = "H2 database file (H2 adds .mv.db) or a jdbc: URL; default: ${DEFAULT-VALUE}",
            defaultValue = ExperimentStore.DEFAULT_LOCATION)
    String location;

    /** For a command that writes: a database that does not exist yet is created. */
    ExperimentStore open() {
        return ExperimentStore.open(location);
    }

    /** For a command that writes to a database that must exist (a resume). */
    ExperimentStore openExisting() {
        return ExperimentStore.openExisting(location);
    }

    /**
     * For a command that reads: a database that does not exist is refused, and no file is left behind; a sweep
     * writing it meanwhile is neither blocked nor slowed.
     */
    ExperimentStore read() {
        return ExperimentStore.openForReading(location);
    }
}
