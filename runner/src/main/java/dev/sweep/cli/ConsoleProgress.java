package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import dev.sweep.run.SweepListener;
import dev.sweep.space.ParameterValues;
import dev.sweep.store.TrialState;
import dev.sweep.train.EpochMetrics;
import dev.sweep.train.TrialReporter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows a sweep's progress: a live bar per epoch on a terminal; otherwise (a log file, a pipe) one line per epoch and
 * per trial, so logs stay readable.
 */
final class ConsoleProgress implements SweepListener {
    private final PrintWriter out;
    private final String database;
    private final boolean terminal = System.console() != null;
    private int planned;
    private int parallel = 1;
    private int remaining;
    private int done;
    private double trialSecondsTotal;

    ConsoleProgress(PrintWriter out, String database) {
        this.out = out;
        this.database = database;
    }

    @Override
    public synchronized void sweepStarted(SweepDefinition definition, int planned, int alreadyDone) {
        this.planned = planned;
        this.parallel = Math.max(1, definition.parallel());
        this.remaining = planned - alreadyDone;
        String strategy = definition.strategy().name() + " search, " + planned
                + (definition.strategy().type().plansItsOwnTrials() ? " points" : " trials");
        out.printf("Sweep '%s': %s, %s, objective %s (%s), storing in %s%n", definition.name(), definition.architectureLabel(),
                strategy, definition.objective().metric(), definition.objective().goal().yamlName(), database);
        if (parallel > 1) {
            out.printf("Running %d trials side by side.%n", parallel);
        }
        if (alreadyDone > 0) {
            out.printf("Resuming: %d of %d trials already finished.%n", alreadyDone, planned);
        }
        out.flush();
    }

    @Override
    public synchronized TrialReporter trialStarted(int number, int planned, Map<String, Object> searched) {
        String label = "candidate #" + number + " (" + (number + 1) + "/" + planned + ")";
        out.println(label + "  " + searched.entrySet().stream()
                .map(e -> e.getKey() + "=" + ParameterValues.format(e.getValue())).collect(Collectors.joining(" ")));
        out.flush();
        // One live bar cannot show trials running side by side: they report a line per epoch instead.
        return terminal && parallel == 1 ? new BarReporter(label) : new LineReporter(label);
    }

    @Override
    public synchronized void trialEnded(int number, TrialState state, Double objective, String error, double wallSeconds) {
        done++;
        trialSecondsTotal += wallSeconds;
        int left = remaining - done;
        String eta = left > 0 ? ", about " + duration(trialSecondsTotal / done * left / parallel) + " left" : "";
        if (state == TrialState.PRUNED) {
            out.printf("candidate #%d (%d/%d) PRUNED: %s, objective %s%s%n", number, number + 1, planned, error, ParameterValues.format(round4(objective)), eta);
        } else if (state == TrialState.COMPLETE) {
            out.printf("candidate #%d (%d/%d) %s: objective %s in %s%s%n", number, number + 1, planned, state, ParameterValues.format(round4(objective)),
                    duration(wallSeconds), eta);
        } else {
            out.printf("candidate #%d (%d/%d) %s: %s%s%n", number, number + 1, planned, state, error, eta);
        }
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return String.format("%.1f s", seconds);
        }
        return s < 3600 ? String.format("%d:%02d min", s / 60, s % 60) : String.format("%d:%02d:%02d h", s / 3600, s / 60 % 60, s % 60);
    }

    private static double round4(Double v) {
        return v == null ? Double.NaN : Math.round(v * 1e4) / 1e4;
    }

    private static String epochLine(EpochMetrics m) {
        return String.format("epoch %d: train_loss %.4f  train_accuracy %.4f  val_loss %.4f  val_accuracy %.4f  %,.0f img/s  %s",
                m.epoch(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.imagesPerSecond(), duration(m.seconds()));
    }

    private final class LineReporter implements TrialReporter {
        private final String label;

        LineReporter(String label) {
            this.label = label;
        }

        @Override
        public void epochCompleted(EpochMetrics metrics) {
            out.println("  " + label + " " + epochLine(metrics));
            out.flush();
        }
    }

    /** A live bar on the terminal (stderr), replaced by the epoch's summary line when the epoch ends. */
    private final class BarReporter implements TrialReporter {
        private final String label;
        private ProgressBar bar;

        BarReporter(String label) {
            this.label = label;
        }

        @Override
        public void batchCompleted(int epoch, long seen, long perEpoch, double imagesPerSecond) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(label + " epoch " + epoch).setInitialMax(perEpoch)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" img", 1).build();
            }
            bar.stepTo(seen);
            bar.setExtraMessage(String.format("%,.0f img/s", imagesPerSecond));
        }

        @Override
        public void epochCompleted(EpochMetrics metrics) {
            if (bar != null) {
                bar.close();
                bar = null;
            }
            out.println("  " + label + " " + epochLine(metrics));
            out.flush();
        }
    }
}
