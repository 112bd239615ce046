package dev.sweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.query.TrialColumns;
import dev.sweep.query.TrialFilter;
import dev.sweep.query.TrialOrder;
import dev.sweep.store.ExperimentStore;
import dev.sweep.space.ParameterResolver;
import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "Every trial of every sweep (or of one), completed trials best first by their sweep's objective.")
final class LeaderboardCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Option(names = "--sweep", paramLabel = "NAME", description = "only this sweep")
    String sweep;

    @Option(names = "--arch", paramLabel = "NAME", description = "only trials of this architecture")
    String arch;

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "e.g. \"val_accuracy > 0.99 and optimizer = 'adam'\": metrics and parameters compared with "
                    + "numbers or 'text', joined by and, or, not, parentheses; evaluated in Sweep, never as SQL")
    String where;

    @Option(names = "--order-by", paramLabel = "COLUMN [asc|desc]", description = "sort by a metric or parameter")
    String orderBy;

    @Option(names = "--top", paramLabel = "N", description = "at most N rows")
    Integer top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json; default: ${DEFAULT-VALUE}. csv and json include every resolved parameter")
    Format format;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    /** The csv and json columns: the trial, then the catalogue's metrics marked for the leaderboard. */
    private static final List<String> METRICS = java.util.stream.Stream.concat(java.util.stream.Stream.of("trial", "sweep",
            "architecture", "number", "state"), TrialMetric.shownIn(TrialMetric.Shown.LEADERBOARD).stream().map(TrialMetric::label)).toList();

    @Override
    public Integer call() throws Exception {
        if (top != null && top < 1) {
            throw new UserInputException("--top must be at least 1, not " + top);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ExperimentStore store = database.read()) {
            if (sweep != null && store.findSweep(sweep).isEmpty()) {
                throw new UserInputException("no sweep named '" + sweep + "' in " + store.location() + "; it holds: "
                        + String.join(", ", store.sweeps().stream().map(s -> s.name()).toList()));
            }
            List<TrialRecord> trials = select(store);
            Set<String> parameters = parameterColumns(trials, format != Format.table);
            switch (format) {
                case json -> printJson(out, trials, parameters);
                case csv -> printCsv(out, trials, parameters);
                default -> printTable(out, trials, parameters, store.location());
            }
        }
        return 0;
    }

    /** The stored leaderboard, narrowed by --arch and --where, sorted by --order-by, cut at --top. */
    private List<TrialRecord> select(ExperimentStore store) {
        List<TrialRecord> all = store.leaderboard(sweep, Integer.MAX_VALUE);
        Map<TrialRecord, Map<String, Object>> columns = new LinkedHashMap<>();
        Set<String> names = new java.util.TreeSet<>(TrialColumns.METRICS);
        for (TrialRecord t : all) {
            Map<String, Object> c = TrialColumns.of(t);
            columns.put(t, c);
            names.addAll(c.keySet());
        }
        TrialFilter filter;
        java.util.Comparator<Map<String, Object>> order;
        try {
            filter = where == null ? null : TrialFilter.parse(where, names);
            order = orderBy == null ? null : TrialOrder.parse(orderBy, names);
        } catch (TrialFilter.FilterException e) {
            throw new UserInputException(e.getMessage().startsWith("--order-by") ? e.getMessage() : "--where: " + e.getMessage());
        }
        List<TrialRecord> selected = new ArrayList<>();
        for (TrialRecord t : all) {
            Map<String, Object> c = columns.get(t);
            if ((arch == null || arch.equals(c.get("architecture"))) && (filter == null || filter.test(c::get))) {
                selected.add(t);
            }
        }
        if (order != null) {
            selected.sort((a, b) -> order.compare(columns.get(a), columns.get(b)));
        }
        return top == null || selected.size() <= top ? selected : selected.subList(0, top);
    }

    /** Searched and fixed parameters for the table; every resolved parameter for csv and json. */
    private static Set<String> parameterColumns(List<TrialRecord> trials, boolean all) {
        Set<String> names = new LinkedHashSet<>();
        for (TrialRecord t : trials) {
            t.parameterSources().forEach((name, source) -> {
                if (all || !source.equals("default")) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static Map<String, Object> row(TrialRecord t, Set<String> parameters) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("trial", t.id());
        row.put("sweep", t.sweepName());
        row.put("architecture", t.architecture());
        row.put("number", t.number());
        row.put("state", t.state().name());
        for (TrialMetric m : TrialMetric.shownIn(TrialMetric.Shown.LEADERBOARD)) {
            row.put(m.label(), t.metric(m));
        }
        for (String p : parameters) {
            row.put(p, t.parameters().get(p));
        }
        return row;
    }

    private static void printJson(PrintWriter out, List<TrialRecord> trials, Set<String> parameters) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TrialRecord t : trials) {
            Map<String, Object> row = new LinkedHashMap<>();
            Map<String, Object> flat = row(t, parameters);
            METRICS.forEach(m -> row.put(m, flat.get(m)));
            Map<String, Object> params = new LinkedHashMap<>();
            parameters.forEach(p -> params.put(p, t.parameters().get(p)));
            row.put("parameters", params);
            row.put("error", t.error());
            rows.add(row);
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        out.flush();
    }

    private static void printCsv(PrintWriter out, List<TrialRecord> trials, Set<String> parameters) {
        List<String> header = new ArrayList<>(METRICS);
        header.addAll(parameters);
        out.println(String.join(",", header.stream().map(LeaderboardCommand::csv).toList()));
        for (TrialRecord t : trials) {
            Map<String, Object> row = row(t, parameters);
            out.println(String.join(",", header.stream().map(h -> csv(row.get(h) == null ? "" : String.valueOf(row.get(h)))).toList()));
        }
        out.flush();
    }

    private static String csv(String cell) {
        return cell.matches("[^\",\\r\\n]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static void printTable(PrintWriter out, List<TrialRecord> trials, Set<String> parameters, String location) {
        if (trials.isEmpty()) {
            out.println("No trials in " + location + " yet. Start one: ./sweep run search-spaces/quickstart.yaml");
            return;
        }
        List<String> header = new ArrayList<>(List.of("trial", "sweep", "arch", "#", "state", "objective", "val_acc", "val_loss", "test_acc",
                "ep_done", "train_s"));
        header.addAll(parameters);
        TextTable table = new TextTable(header);
        for (TrialRecord t : trials) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(t.id()), t.sweepName(), t.architecture(), String.valueOf(t.number()),
                    t.state().name(), objective(t), fixed(t.valAccuracy(), 4), fixed(t.valLoss(), 4), fixed(t.testAccuracy(), 4),
                    String.valueOf(t.epochsDone()), fixed(t.trainSeconds(), 1)));
            // An inactive parameter (its condition does not hold in this trial) shows as '-', not as a value never used.
            parameters.forEach(p -> cells.add(ParameterResolver.Source.INACTIVE.label().equals(t.parameterSources().get(p)) ? "-"
                    : t.parameters().getOrDefault(p, "")));
            table.add(cells);
        }
        table.print(out);
    }

    /** The trial's objective; with repeats, their mean and standard deviation (the other metrics are the best repeat's). */
    private static String objective(TrialRecord t) {
        return fixed(t.objectiveValue(), 4) + (t.objectiveStd() == null ? "" : " ±" + fixed(t.objectiveStd(), 4));
    }

    private static String fixed(Double v, int digits) {
        return v == null ? "-" : String.format("%." + digits + "f", v);
    }
}
