package dev.sweep.cli;

import com.google.inject.Guice;
import dev.sweep.arch.DeserializationGuard;
import com.google.inject.Injector;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;

/** The {@code sweep} command. Exit codes: 0 ok, 1 failure, 2 usage or configuration error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs one command line with the given streams; the tests call this, exactly as the script does. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        // Before anything creates an ObjectInputStream, after which Java no longer lets a filter factory be set.
        DeserializationGuard.install();
        // slf4j-simple reads its level once, when the first logger is made: before DL4J loads.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                Arrays.asList(args).contains("--verbose") ? "info" : "warn");
        Injector injector = Guice.createInjector(new SweepModule(err));
        CommandLine cli = new CommandLine(SweepCommand.class, new GuiceFactory(injector));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }
}
