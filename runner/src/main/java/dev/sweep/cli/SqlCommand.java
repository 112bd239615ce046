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

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run one read-only SELECT over the documented views: leaderboard, trial_params, epoch_metrics, sweeps.",
                "It runs as a database user that may only read those views, so it cannot change anything, and in this",
                "process, on a read-only view of the file: a sweep writing the database meanwhile neither runs nor waits for it."})
final class SqlCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", description = "e.g. \"SELECT sweep, MAX(val_accuracy) FROM leaderboard GROUP BY sweep\"")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json; default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000", description = "default: ${DEFAULT-VALUE}")
    int maxRows;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "stop the query after this long; default: ${DEFAULT-VALUE}")
    int timeoutSeconds;

    /** How long past its timeout a query that H2 cannot stop (one huge value being built) may go on in this process. */
    static final int GRACE_SECONDS = 5;

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
        yieldToSweeps();
        ExperimentStore.QueryResult result;
        try (ExperimentStore store = database.read(); Watchdog ignored = Watchdog.start(timeoutSeconds + GRACE_SECONDS, spec)) {
            try {
                result = store.readOnlyQuery(select, maxRows, timeoutSeconds);
            } catch (ExperimentStore.QueryException e) {
                throw new UserInputException("the query failed: " + e.getMessage() + ". sql reads only the views "
                        + String.join(", ", ExperimentStore.VIEWS) + " (see docs/database.md), with one SELECT.");
            } catch (OutOfMemoryError e) {
                throw tooBig();
            }
        }
        print(spec.commandLine().getOut(), result);
        return 0;
    }

    /**
     * A query runs on this thread, and a costly one would take CPU from a sweep training on the same cores: the
     * thread's nice value goes to 15, so the kernel gives the sweep's trials the cores first (Linux sets it per
     * thread, and threads made from now on inherit it). Only when this process is the command line itself.
     */
    private static void yieldToSweeps() {
        if (!Boolean.getBoolean("sweep.standalone")) {
            return;
        }
        try {
            // This thread's own id: the process id names the launcher's first thread, which only waits.
            String thread = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/thread-self")).getFileName().toString();
            new ProcessBuilder("renice", "-n", "15", "-p", thread)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (java.io.IOException | RuntimeException e) {
            // no renice here: the query runs at the usual priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static UserInputException tooBig() {
        return new UserInputException("the query needed more memory than this process has (" + Runtime.getRuntime().maxMemory()
                / (1 << 20) + " MB); it ran here, not in any sweep, which goes on. Select fewer or smaller values.");
    }

    /**
     * The last resort for a query that neither H2's timeout nor the memory limit stops in time: H2 checks its timeout
     * between rows, and one row's value can take long to build. This process only reads (it holds no lock and writes
     * nothing), so ending it cannot hurt the database or a sweep; it ends only when the command line is a process of
     * its own ({@code sweep.standalone}), never inside another program that called it.
     */
    static final class Watchdog implements AutoCloseable {
        private final Thread thread;

        private Watchdog(Thread thread) {
            this.thread = thread;
        }

        static Watchdog start(int seconds, CommandSpec spec) {
            Thread thread = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
                if (Boolean.getBoolean("sweep.standalone")) {
                    spec.commandLine().getErr().println("error: the query ran longer than " + (seconds - GRACE_SECONDS)
                            + " s and was stopped (--timeout raises the limit); it ran in this process, not in any sweep.");
                    spec.commandLine().getErr().flush();
                    Runtime.getRuntime().halt(ErrorReporter.BAD_INPUT);
                }
            }, "sql-watchdog");
            thread.setDaemon(true);
            thread.start();
            return new Watchdog(thread);
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

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
