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
import java.util.Set;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run one read-only SELECT over the documented views: leaderboard, trial_params, epoch_metrics, sweeps.",
                "It runs as a database user that may only read those views, so it cannot change anything."})
final class SqlCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", description = "e.g. \"SELECT sweep, MAX(val_accuracy) FROM leaderboard GROUP BY sweep\"")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json; default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000", description = "default: ${DEFAULT-VALUE}")
    int maxRows;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "stop the query after this long: it may run inside a sweep's process; default: ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Formats.require(format, "table", "csv", "json");
        if (maxRows < 1) {
            throw new UserInputException("--max-rows is at least 1, not " + maxRows);
        }
        if (timeoutSeconds < 1) {
            throw new UserInputException("--timeout is at least 1 second, not " + timeoutSeconds);
        }
        String select = singleSelect(query);
        ExperimentStore.QueryResult result;
        try (ExperimentStore store = database.read()) {
            try {
                result = store.readOnlyQuery(select, maxRows, timeoutSeconds);
            } catch (ExperimentStore.QueryException e) {
                throw new UserInputException("the query failed: " + e.getMessage() + ". sql reads only the views "
                        + String.join(", ", ExperimentStore.VIEWS) + " (see the README), with one SELECT.");
            }
        }
        print(spec.commandLine().getOut(), result);
        return 0;
    }

    /**
     * Functions that build one huge value from a small query, or rows without end: in mixed mode a query runs inside
     * the process that serves the database (perhaps a sweep), and {@code REPEAT('x', 2000000000)} ran it out of memory.
     */
    static final Set<String> REFUSED_FUNCTIONS = Set.of("REPEAT", "SPACE", "LPAD", "RPAD", "SYSTEM_RANGE",
            "GENERATE_SERIES", "LISTAGG", "STRING_AGG", "GROUP_CONCAT", "ARRAY_AGG", "JSON_ARRAYAGG", "JSON_OBJECTAGG",
            "ARRAY_FILL", "SECURE_RAND", "UNNEST", "TABLE", "CSVREAD", "FILE_READ", "LINK_SCHEMA");

    /** One SELECT or WITH statement, without comments: anything else is refused before it reaches the database. */
    static String singleSelect(String text) {
        List<SqlTokens.Token> tokens = new ArrayList<>(SqlTokens.of(text));
        if (tokens.stream().anyMatch(t -> t.kind() == SqlTokens.Kind.COMMENT)) {
            throw new UserInputException("sql takes no comments ('--' or '/*'); remove them");
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";")) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.stream().anyMatch(t -> t.isSymbol(";"))) {
            throw new UserInputException("sql runs one statement; found several separated by ';'");
        }
        if (tokens.isEmpty() || !(tokens.get(0).isWord("SELECT") || tokens.get(0).isWord("WITH"))) {
            throw new UserInputException("sql runs only a SELECT (or WITH ... SELECT) over the views "
                    + String.join(", ", ExperimentStore.VIEWS) + "; '" + (tokens.isEmpty() ? "" : tokens.get(0).text())
                    + "' is not one");
        }
        for (int i = 0; i < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            if (t.isWord("RECURSIVE")) {
                throw new UserInputException("sql runs no recursive queries (WITH RECURSIVE): they can run without end "
                        + "inside the sweep that serves the database");
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (call && t.kind() == SqlTokens.Kind.WORD && REFUSED_FUNCTIONS.contains(t.text())) {
                throw new UserInputException("sql does not run " + t.text() + "(...): it can build values or rows large "
                        + "enough to stop the sweep that serves the database");
            }
        }
        return text.strip().replaceFirst(";[\\s;]*$", "");
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
