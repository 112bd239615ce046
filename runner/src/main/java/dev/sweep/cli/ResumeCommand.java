package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    LaunchOptions launch;

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
            SweepDefinition definition = launch.apply(loader.parse(stored.yamlText(), source).withName(name));
            return launcher.launch(definition, store, launch.quiet, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    "./sweep resume " + name + " --db " + database.location);
        }
    }
}
