package dev.sweep.cli;

import dev.sweep.query.TrialColumns;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Trials side by side: every metric and parameter, rows that differ marked with '*'.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TRIAL", arity = "2..*", description = "two or more trial ids")
    List<Long> trialIds;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ExperimentStore store = database.read()) {
            List<Map<String, Object>> trials = new ArrayList<>();
            Set<String> rows = new LinkedHashSet<>(TrialColumns.METRICS);
            for (long id : trialIds) {
                TrialRecord t = Trials.find(store, id);
                Map<String, Object> columns = TrialColumns.of(t);
                trials.add(columns);
                rows.addAll(columns.keySet());
            }
            List<String> header = new ArrayList<>(List.of(" ", "column"));
            trialIds.forEach(id -> header.add("trial " + id));
            TextTable table = new TextTable(header);
            for (String row : rows) {
                List<String> cells = new ArrayList<>();
                boolean differs = trials.stream().map(t -> t.get(row)).distinct().count() > 1;
                cells.add(differs ? "*" : " ");
                cells.add(row);
                trials.forEach(t -> cells.add(Trials.format(t.get(row))));
                if (trials.stream().anyMatch(t -> !Objects.isNull(t.get(row)))) {
                    table.add(cells);
                }
            }
            table.print(out);
            out.flush();
        }
        return 0;
    }
}
