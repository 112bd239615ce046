package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.store.ExperimentStore;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        try (ExperimentStore store = database.openExisting()) {
            SweepDefinition definition = launch.apply(Trials.definition(loader, Trials.sweep(store, name)).withName(name), launcher.executors());
            return launcher.launch(definition, store, launch.quiet, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    "./sweep resume " + name + " --db " + database.location);
        }
    }
}
