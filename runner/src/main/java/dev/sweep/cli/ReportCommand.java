package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.data.DatasetRepository;
import dev.sweep.report.SweepReport;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML page about a sweep, DIR/index.html, with PNG charts: learning curves of "
                + "the top trials, the objective against each searched parameter, the optimization history, and the best "
                + "trial's confusion matrix, misclassified test images and first-layer filters."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", description = "the sweep's name")
    String name;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for index.html (created if missing)")
    Path out;

    @Option(names = "--force", description = "replace an existing DIR/index.html")
    boolean force;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    private final SweepFileLoader loader;
    private final DatasetRepository datasets;

    @Inject
    ReportCommand(SweepFileLoader loader, DatasetRepository datasets) {
        this.loader = loader;
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws Exception {
        Path page = out.resolve("index.html");
        if (Files.exists(page) && !force) {
            throw new UserInputException(page + " already exists; add --force to replace it, or choose another --out");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException(out + " is a file; --out takes a folder");
        }
        long start = System.nanoTime();
        SweepReport.Result report;
        try (ExperimentStore store = database.openExisting()) {
            SweepRecord sweep = Trials.sweep(store, name);
            SweepDefinition definition = Trials.definition(loader, sweep);
            report = SweepReport.build(sweep, definition, store, datasets.split(definition.dataset()));
        }
        Files.createDirectories(out);
        Files.writeString(page, report.html(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().printf("Wrote %s (%d charts, %,d KB) in %.1f s: %s%n", page, report.charts().size(),
                Files.size(page) / 1024, (System.nanoTime() - start) / 1e9, String.join("; ", report.charts()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
