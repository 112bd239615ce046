package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.data.DatasetRepository;
import dev.sweep.report.SamplerComparison;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML page about a sweep, DIR/index.html, with PNG charts: learning curves of "
                + "the top trials, the objective against each searched parameter, the optimization history, and the best "
                + "trial's confusion matrix, misclassified test images and first-layer filters.",
                "Given several sweeps of one objective (e.g. one per sampler and seed, as bin/compare-samplers runs), the "
                        + "page compares them instead: the best so far against the trials drawn, per sweep and as the median "
                        + "of each strategy, and how many trials each strategy needs to reach random search's best."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", arity = "1..*", description = "the sweep's name; several to compare them")
    List<String> names;

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
        OutputFolder.checkWritable(out, "--out");
        long start = System.nanoTime();
        SweepReport.Result report;
        try (ExperimentStore store = database.read()) {
            if (names.size() == 1) {
                SweepRecord sweep = Trials.sweep(store, names.get(0));
                SweepDefinition definition = Trials.definition(loader, sweep);
                report = SweepReport.build(sweep, definition, store, datasets.split(definition.dataset()));
            } else {
                report = comparison(store);
            }
        }
        try {
            Files.createDirectories(out);
            Files.writeString(page, report.html(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new UserInputException("cannot write " + page + " (" + OutputFolder.reason(e) + "). Fix: give --out a folder "
                    + "with room for the report");
        }
        spec.commandLine().getOut().printf("Wrote %s (%d charts, %,d KB) in %.1f s: %s%n", page, report.charts().size(),
                Files.size(page) / 1024, (System.nanoTime() - start) / 1e9, String.join("; ", report.charts()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Sweeps compare only on one objective, each named once; every problem with the names is reported at once. */
    private SweepReport.Result comparison(ExperimentStore store) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SweepRecord> sweeps = new ArrayList<>();
        for (String name : names) {
            if (!seen.add(name)) {
                problems.add("sweep '" + name + "' is named twice");
                continue;
            }
            Optional<SweepRecord> sweep = store.findSweep(name);
            if (sweep.isEmpty()) {
                problems.add("no sweep named '" + name + "'");
            } else {
                sweeps.add(sweep.get());
            }
        }
        Map<String, List<String>> byObjective = new LinkedHashMap<>();
        sweeps.forEach(s -> byObjective.computeIfAbsent(s.objectiveMetric() + " (" + s.objectiveGoal().toLowerCase(Locale.ROOT) + ")",
                o -> new ArrayList<>()).add(s.name()));
        if (byObjective.size() > 1) {
            problems.add("the sweeps have different objectives, so their best values do not compare: " + byObjective.entrySet()
                    .stream().map(e -> e.getKey() + " in " + String.join(", ", e.getValue())).collect(Collectors.joining("; ")));
        }
        if (!problems.isEmpty()) {
            throw new UserInputException("cannot compare these sweeps in " + store.location() + ":\n  - " + String.join("\n  - ", problems)
                    + "\nFix: name each sweep once, with one objective (./sweep leaderboard lists the sweeps); known: "
                    + String.join(", ", store.sweeps().stream().map(SweepRecord::name).toList()));
        }
        Map<SweepRecord, SweepDefinition> definitions = new LinkedHashMap<>();
        sweeps.forEach(s -> definitions.put(s, Trials.definition(loader, s)));
        // Sweeps group by strategy; its settings join the name only where they tell two groups apart.
        Map<String, Set<Map<String, Object>>> settingsByName = new HashMap<>();
        definitions.values().forEach(d -> settingsByName.computeIfAbsent(d.strategy().describe(), k -> new HashSet<>())
                .add(d.strategy().settings()));
        List<SamplerComparison.Run> runs = new ArrayList<>();
        definitions.forEach((sweep, definition) -> {
            String strategy = definition.strategy().describe();
            if (settingsByName.get(strategy).size() > 1) {
                strategy += " " + definition.strategy().settings();
            }
            runs.add(SamplerComparison.run(sweep, strategy, definition.strategy().name(), store.trials(sweep.id()),
                    sweep.maximizes()));
        });
        return SamplerComparison.page(runs, sweeps.get(0).objectiveMetric(), sweeps.get(0).maximizes());
    }
}
