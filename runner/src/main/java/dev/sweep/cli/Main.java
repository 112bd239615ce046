package dev.sweep.cli;

import com.google.inject.Guice;
import dev.sweep.arch.DeserializationGuard;
import dev.sweep.data.DatasetFormats;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.plugin.PluginException;
import dev.sweep.plugin.PluginJars;
import dev.sweep.prune.PrunerTypes;
import dev.sweep.run.ExecutorTypes;
import dev.sweep.sample.SamplerTypes;
import com.google.inject.Injector;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The {@code sweep} command. Exit codes: 0 ok, 1 failure, 2 usage or configuration error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("sweep.standalone", "true"); // this process is the command: it may end itself (sql's watchdog)
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs one command line with the given streams; the tests call this, exactly as the script does. */
    /** {@code --plugins DIR} or {@code --plugins=DIR}, wherever it stands, before picocli reads the rest. */
    private static String pluginsOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--plugins=")) {
                return args[i].substring("--plugins=".length());
            }
        }
        return null;
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        // slf4j-simple reads its level once, when the first logger is made: before anything logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                Arrays.asList(args).contains("--verbose") ? "info" : "warn");
        // Before anything creates an ObjectInputStream, after which Java no longer lets a filter factory be set.
        DeserializationGuard.install();
        List<Path> folders = PluginJars.folders(pluginsOption(args));
        PluginJars plugins = PluginJars.open(folders, Main.class.getClassLoader(), err::println);
        ArchitecturePlugins architectures;
        PrunerTypes pruners;
        SamplerTypes samplers;
        ExecutorTypes executors;
        DatasetFormats formats;
        try {
            architectures = new ArchitecturePlugins(plugins, err::println);
            pruners = PrunerTypes.discover(plugins, err::println);
            samplers = SamplerTypes.discover(plugins, err::println);
            executors = ExecutorTypes.discover(plugins, err::println);
            formats = DatasetFormats.discover(plugins, err::println);
        } catch (PluginException e) {
            err.println("error: " + e.getMessage());
            return ErrorReporter.BAD_INPUT;
        }
        Injector injector = Guice.createInjector(new SweepModule(err, architectures, pruners, samplers, executors,
                formats, new PluginsCommand.Searched(folders, plugins)));
        CommandLine cli = new CommandLine(SweepCommand.class, new GuiceFactory(injector));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }
}
