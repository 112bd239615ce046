package dev.sweep.cli;

import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.TimeBudget;
import dev.sweep.data.DatasetRepository;
import dev.sweep.run.ExecutorType;
import dev.sweep.run.ExecutorTypes;
import dev.sweep.run.LocalTrialExecutor;
import dev.sweep.run.Benchmark;
import dev.sweep.run.StopSignal;
import dev.sweep.run.SweepListener;
import dev.sweep.run.SweepOutcome;
import dev.sweep.run.SweepRunner;
import dev.sweep.space.ParameterValues;
import dev.sweep.store.ExperimentStore;
import dev.sweep.train.StopRequestedException;
import jakarta.inject.Inject;

import java.io.PrintWriter;
import java.util.List;

/** Runs or resumes a sweep for {@code run} and {@code resume}: progress, Ctrl-C, and the summary at the end. */
final class SweepLauncher {
    private final SweepRunner runner;
    private final StopSignal stop;
    private final ArchitectureRegistry architectures;
    private final DatasetRepository datasets;
    private final LocalTrialExecutor local;
    private final ExecutorTypes executors;

    @Inject
    SweepLauncher(SweepRunner runner, StopSignal stop, ArchitectureRegistry architectures, DatasetRepository datasets,
                  LocalTrialExecutor local, ExecutorTypes executors) {
        this.runner = runner;
        this.stop = stop;
        this.architectures = architectures;
        this.datasets = datasets;
        this.local = local;
        this.executors = executors;
    }

    /** The executor types a sweep may name, for the command-line options that choose one. */
    ExecutorTypes executors() {
        return executors;
    }

    /** Loads and checks the data first, so that a data problem leaves no database behind. */
    void checkData(SweepDefinition definition) {
        runner.checkData(definition);
    }

    /** @param resumeCommand the command that continues this sweep, shown when it stops early */
    int launch(SweepDefinition definition, ExperimentStore store, boolean quiet, PrintWriter out, PrintWriter err,
               String resumeCommand) {
        if (SweepRunner.alreadyComplete(definition, store)) {
            out.println("Sweep '" + definition.name() + "' is already complete in " + store.location()
                    + ". See ./sweep leaderboard --sweep " + definition.name() + ", or run it again with --name NEW_NAME.");
            return 0;
        }
        SweepOutcome outcome;
        SweepListener listener = quiet ? new SweepListener() {
        } : new ConsoleProgress(out, store.location());
        CtrlC signals = new CtrlC(stop, err);
        try (signals) {
            ExecutorType type = executors.get(definition.executor().type());
            try (ExecutorType.Session session = type.start(definition.executor(), new ExecutorType.Context(definition.name(),
                    SweepModule.dataRoot(), definition.dataset(), () -> datasets.shipment(definition.dataset()), local,
                    List.of(ArchitecturePlugins.class)))) {
                if (session == null) {
                    outcome = runner.run(definition, store, listener);
                } else {
                    out.println(session.describe() + ": a trial per slot, or parallel if larger");
                    out.flush();
                    outcome = new SweepRunner(architectures, datasets, session, stop).run(definition, store, listener);
                }
            }
        } catch (StopRequestedException e) {
            err.println("Stopped: " + e.getMessage() + ". Finished trials are kept; resume with: " + resumeCommand);
            return signals.exitCode();
        }
        double peak = Benchmark.peakResidentMegabytes();
        out.printf("Sweep '%s': %d complete, %s%d failed%s, %s%s.%n", outcome.name(), outcome.complete(),
                outcome.pruned() > 0 ? outcome.pruned() + " pruned, " : "", outcome.failed(),
                outcome.skipped() > 0 ? ", " + outcome.skipped() + " kept from before" : "", ConsoleProgress.duration(outcome.wallSeconds()),
                Double.isNaN(peak) ? "" : String.format(java.util.Locale.ROOT, ", peak memory %.0f MB", peak));
        if (outcome.budget() != null) {
            out.printf("Time budget %s: %s used in all runs%s%n", TimeBudget.format(outcome.budget()),
                    ConsoleProgress.duration(outcome.budgetUsed().toMillis() / 1e3), outcome.notStarted() == 0 ? ""
                            : "; spent, with " + Plural.of(outcome.notStarted(), "trial") + " not started. To go on: " + resumeCommand
                            + " --budget LONGER");
        }
        outcome.best().ifPresent(best -> out.printf("Best: trial %d (candidate #%d), %s %s, test_accuracy %s. Next: ./sweep leaderboard --sweep %s%n",
                best.id(), best.number(), definition.objective().metric(), ParameterValues.format(round(best.objectiveValue())),
                ParameterValues.format(round(best.testAccuracy())), definition.name()));
        return 0;
    }

    private static double round(Double v) {
        return v == null ? Double.NaN : Math.round(v * 1e4) / 1e4;
    }
}
