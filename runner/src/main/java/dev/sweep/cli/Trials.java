package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.space.ParameterValues;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialRecord;

import java.nio.file.Path;

/** Looking up stored sweeps and trials for the commands that read them, and printing their values. */
final class Trials {
    private Trials() {
    }

    static SweepRecord sweep(ExperimentStore store, String name) {
        return store.findSweep(name).orElseThrow(() -> new UserInputException("no sweep named '" + name + "' in "
                + store.location() + "; known: " + String.join(", ", store.sweeps().stream().map(SweepRecord::name).toList())
                + ". Fix: check the name (./sweep leaderboard lists sweeps) or --db."));
    }

    /** The sweep's stored file, parsed again; relative paths in it (idx_dir) resolve against where the file was. */
    static SweepDefinition definition(SweepFileLoader loader, SweepRecord sweep) {
        Path source = sweep.sourceFile() == null ? Path.of(sweep.name() + ".yaml") : Path.of(sweep.sourceFile());
        return loader.parse(sweep.yamlText(), source);
    }

    static TrialRecord find(ExperimentStore store, long id) {
        return store.trial(id).orElseThrow(() -> new UserInputException("no trial " + id + " in " + store.location()
                + ". Fix: take an id from the first column of ./sweep leaderboard"));
    }

    static String format(Object value) {
        if (value == null || value instanceof Double d && d.isNaN()) {
            return "-";
        }
        return value instanceof Number ? ParameterValues.format(value) : String.valueOf(value);
    }
}
