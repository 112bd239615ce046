package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an unfinished sweep from the definition stored with it: finished trials are kept, "
                + "interrupted ones run again.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "the sweep's name, as the leaderboard shows it")
    String name;

    @Option(names = "--quiet", description = "print only the summary")
    boolean quiet;

    @Option(names = "--parallel", paramLabel = "N",
            description = "trials side by side, one core each (overrides the file's parallel); e.g. 2 on a 2-core machine")
    Integer parallel;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    private final SweepFileLoader loader;
    private final SweepLauncher launcher;

    @Inject
    ResumeCommand(SweepFileLoader loader, SweepLauncher launcher) {
        this.loader = loader;
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        try (ExperimentStore store = database.open()) {
            SweepRecord stored = store.findSweep(name).orElseThrow(() -> new UserInputException("no sweep named '" + name
                    + "' in " + store.location() + "; known: " + String.join(", ", store.sweeps().stream().map(SweepRecord::name).toList())
                    + ". Fix: check the name (./sweep leaderboard lists sweeps) or --db."));
            // Relative paths in the stored file (idx_dir) resolve against where the file was.
            Path source = stored.sourceFile() == null ? Path.of(name + ".yaml") : Path.of(stored.sourceFile());
            SweepDefinition recorded = loader.parse(stored.yamlText(), source).withName(name);
            SweepDefinition definition = parallel == null ? recorded : recorded.withParallel(Parallelism.check(parallel));
            return launcher.launch(definition, store, quiet, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    "./sweep resume " + name + " --db " + database.location);
        }
    }
}
