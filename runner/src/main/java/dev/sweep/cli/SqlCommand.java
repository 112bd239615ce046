package dev.sweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.store.ExperimentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run one read-only SELECT over the documented views: leaderboard, trial_params, epoch_metrics, sweeps.",
                "It runs as a database user that may only read those views, so it cannot change anything."})
final class SqlCommand implements Callable<Integer> {
    private static final Pattern STARTS_AS_QUERY = Pattern.compile("(?is)^\\s*(select|with)\\b.*");

    @Parameters(paramLabel = "QUERY", description = "e.g. \"SELECT sweep, MAX(val_accuracy) FROM leaderboard GROUP BY sweep\"")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json; default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000", description = "default: ${DEFAULT-VALUE}")
    int maxRows;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Formats.require(format, "table", "csv", "json");
        String select = singleSelect(query);
        ExperimentStore.QueryResult result;
        try (ExperimentStore store = database.open()) {
            try {
                result = store.readOnlyQuery(select, maxRows);
            } catch (ExperimentStore.QueryException e) {
                throw new UserInputException("the query failed: " + e.getMessage() + ". sql reads only the views "
                        + String.join(", ", ExperimentStore.VIEWS) + " (see the README), with one SELECT.");
            }
        }
        print(spec.commandLine().getOut(), result);
        return 0;
    }

    /** One SELECT or WITH statement, without comments: anything else is refused before it reaches the database. */
    static String singleSelect(String text) {
        String trimmed = text.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.contains("--") || trimmed.contains("/*")) {
            throw new UserInputException("sql takes no comments ('--' or '/*'); remove them");
        }
        if (outsideQuotes(trimmed).contains(";")) {
            throw new UserInputException("sql runs one statement; found several separated by ';'");
        }
        if (!STARTS_AS_QUERY.matcher(trimmed).matches()) {
            throw new UserInputException("sql runs only a SELECT (or WITH ... SELECT) over the views "
                    + String.join(", ", ExperimentStore.VIEWS) + "; '" + trimmed.split("\\s+")[0] + "' is not one");
        }
        return trimmed;
    }

    private static String outsideQuotes(String sql) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void print(PrintWriter out, ExperimentStore.QueryResult result) throws Exception {
        switch (format) {
            case "json" -> {
                List<Map<String, String>> rows = new ArrayList<>();
                for (List<String> row : result.rows()) {
                    Map<String, String> named = new LinkedHashMap<>();
                    for (int c = 0; c < row.size(); c++) {
                        named.put(result.columns().get(c), row.get(c));
                    }
                    rows.add(named);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            }
            case "csv" -> {
                out.println(String.join(",", result.columns()));
                result.rows().forEach(r -> out.println(String.join(",", r.stream().map(SqlCommand::csv).toList())));
            }
            default -> {
                TextTable table = new TextTable(result.columns());
                result.rows().forEach(r -> table.add(r.stream().map(v -> v == null ? "" : v).toList()));
                table.print(out);
                out.printf(Locale.ROOT, "(%d rows)%n", result.rows().size());
            }
        }
        out.flush();
    }

    private static String csv(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.matches("[^\",\\r\\n]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
