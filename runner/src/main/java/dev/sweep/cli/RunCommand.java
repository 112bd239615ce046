package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.store.ExperimentStore;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the sweep a YAML file declares, storing every trial; an unfinished sweep of the same file resumes.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the sweep file, e.g. search-spaces/quickstart.yaml")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "store the sweep under this name instead of the file's")
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
    RunCommand(SweepFileLoader loader, SweepLauncher launcher) {
        this.loader = loader;
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        SweepDefinition loaded = loader.load(file);
        if (name != null && !name.matches(SweepFileLoader.NAME_PATTERN)) {
            throw new UserInputException("--name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        SweepDefinition definition = launch.apply(name == null ? loaded : loaded.withName(name), launcher.executors());
        launcher.checkData(definition);
        var warmStart = definition.firstTrials().warmStart();
        if (warmStart != null && !ExperimentStore.exists(database.location)) {
            // Nothing to warm-start from, so nothing is created either.
            throw dev.sweep.config.ConfigurationException.single(file.toString(), "warm_start.from: no sweep named '" + warmStart.from()
                    + "': there is no database at " + database.location + " yet", "pass the database that holds it with --db");
        }
        try (ExperimentStore store = database.open()) {
            return launcher.launch(definition, store, launch.quiet, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    "./sweep resume " + definition.name() + " --db " + database.location);
        }
    }
}
