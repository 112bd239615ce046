package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.run.SweepOutcome;
import dev.sweep.run.SweepRunner;
import dev.sweep.space.ParameterValues;
import dev.sweep.store.ExperimentStore;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the sweep a YAML file declares, storing every trial; an unfinished sweep of the same file resumes.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the sweep file, e.g. search-spaces/quickstart.yaml")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "store the sweep under this name instead of the file's")
    String name;

    @Option(names = "--quiet", description = "print only the summary")
    boolean quiet;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    private final SweepFileLoader loader;
    private final SweepRunner runner;

    @Inject
    RunCommand(SweepFileLoader loader, SweepRunner runner) {
        this.loader = loader;
        this.runner = runner;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SweepDefinition loaded = loader.load(file);
        if (name != null && !name.matches(SweepFileLoader.NAME_PATTERN)) {
            throw new UserInputException("--name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        SweepDefinition definition = name == null ? loaded : loaded.withName(name);
        try (ExperimentStore store = database.open()) {
            if (SweepRunner.alreadyComplete(definition, store)) {
                out.println("Sweep '" + definition.name() + "' is already complete in " + store.location()
                        + ". See ./sweep leaderboard --sweep " + definition.name() + ", or run it again with --name NEW_NAME.");
                return 0;
            }
            SweepOutcome outcome = runner.run(definition, store, quiet ? new dev.sweep.run.SweepListener() {
            } : new ConsoleProgress(out, store.location()));
            out.printf("Sweep '%s': %d complete, %d failed%s, %s.%n", outcome.name(), outcome.complete(), outcome.failed(),
                    outcome.skipped() > 0 ? ", " + outcome.skipped() + " kept from before" : "", ConsoleProgress.duration(outcome.wallSeconds()));
            outcome.best().ifPresent(best -> out.printf("Best: trial %d (#%d), %s %s, test_accuracy %s. Next: ./sweep leaderboard --sweep %s%n",
                    best.id(), best.number(), definition.objective().metric(), ParameterValues.format(round(best.objectiveValue())),
                    ParameterValues.format(round(best.testAccuracy())), definition.name()));
        }
        return 0;
    }

    private static double round(Double v) {
        return v == null ? Double.NaN : Math.round(v * 1e4) / 1e4;
    }
}
