package dev.sweep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true, version = "sweep 0.1.0",
        description = "Hyperparameter search for image classifiers: declare a space in YAML, run it, query and export.",
        subcommands = {RunCommand.class, ResumeCommand.class, PlanCommand.class, BenchCommand.class, BenchSamplersCommand.class, LeaderboardCommand.class, ExportCommand.class, EvaluateCommand.class, PredictCommand.class, SqlCommand.class, ShowCommand.class, CompareCommand.class, ReportCommand.class, ImportanceCommand.class, DashboardCommand.class, DataCommand.class, DbCommand.class,
                ArchitecturesCommand.class, PluginsCommand.class, picocli.CommandLine.HelpCommand.class})
final class SweepCommand implements Runnable {
    @Option(names = "--verbose", description = "show DL4J's and the libraries' INFO logging", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;

    // Read by Main before the command line is parsed (the plugins decide which architectures exist); declared here
    // so that every command accepts it.
    @Option(names = "--plugins", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "also load the plugin jars of this folder (besides plugins/ beside ./sweep and $SWEEP_PLUGINS)")
    String plugins;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command: run, leaderboard, export, evaluate, architectures");
    }
}
