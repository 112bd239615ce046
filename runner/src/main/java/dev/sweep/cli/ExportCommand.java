package dev.sweep.cli;

import dev.sweep.export.ModelExport;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.StoredModel;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a trial's model (DL4J zip) and beside it its provenance (.json): the best of a sweep, or one trial.")
final class ExportCommand implements Callable<Integer> {
    static final class Which {
        @Option(names = "--sweep", paramLabel = "NAME", description = "the best completed trial of this sweep, by its objective")
        String sweep;

        @Option(names = "--trial", paramLabel = "ID", description = "this trial (the trial column of the leaderboard)")
        Long trial;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--out", paramLabel = "FILE.zip", required = true, description = "where to write the model")
    Path out;

    @Option(names = "--force", description = "overwrite FILE.zip and its .json if they exist")
    boolean force;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path sidecar = ModelExport.sidecarOf(out);
        for (Path target : new Path[]{out, sidecar}) {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                throw new UserInputException("--out " + out + ": " + target + " is " + (Files.isDirectory(target) ? "a folder"
                        : "not a regular file") + ", and export writes a file there. Fix: give a file path such as "
                        + (Files.isDirectory(out) ? out.resolve("best.zip") : "best.zip") + ".");
            }
        }
        if (!force && (Files.exists(out) || Files.exists(sidecar))) {
            throw new UserInputException((Files.exists(out) ? out : sidecar) + " already exists; add --force to overwrite it, "
                    + "or choose another --out");
        }
        try (ExperimentStore store = database.read()) {
            TrialRecord trial = which.trial != null ? trialById(store, which.trial) : bestOf(store, which.sweep);
            SweepRecord sweep = store.sweeps().stream().filter(s -> s.id() == trial.sweepId()).findFirst().orElseThrow();
            StoredModel model = store.model(trial.id()).orElseThrow(() -> new UserInputException(
                    "trial " + trial.id() + " has no stored model"));
            try {
                ModelExport.write(sweep, trial, store.epochs(trial.id()), model, out);
            } catch (java.io.UncheckedIOException e) {
                throw new UserInputException(e.getMessage() + ". Nothing was written under that name. Fix: choose an --out "
                        + "in a writable folder with room for " + (model.bytes().length >> 10) + " KB.");
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Exported trial %d (candidate #%d of sweep '%s', %s %.4f, test_accuracy %.4f) to %s and %s%n", trial.id(),
                    trial.number(), sweep.name(), sweep.objectiveMetric(), trial.objectiveValue(), trial.testAccuracy(), out, sidecar);
            o.flush();
        }
        return 0;
    }

    private static TrialRecord trialById(ExperimentStore store, long id) {
        TrialRecord trial = store.trial(id).orElseThrow(() -> new UserInputException("no trial " + id + " in " + store.location()
                + "; see ./sweep leaderboard"));
        if (trial.state() != TrialState.COMPLETE) {
            throw new UserInputException("trial " + id + " is " + trial.state() + "; only completed trials have a model");
        }
        return trial;
    }

    private static TrialRecord bestOf(ExperimentStore store, String name) {
        SweepRecord sweep = store.findSweep(name).orElseThrow(() -> new UserInputException("no sweep named '" + name + "' in "
                + store.location() + "; it holds: " + String.join(", ", store.sweeps().stream().map(SweepRecord::name).toList())));
        return store.bestTrial(sweep.id()).orElseThrow(() -> new UserInputException("sweep '" + name
                + "' has no completed trial yet"));
    }
}
