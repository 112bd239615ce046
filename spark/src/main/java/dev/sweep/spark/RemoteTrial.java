package dev.sweep.spark;

import dev.sweep.train.EpochMetrics;
import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialPrunedException;
import dev.sweep.train.TrialReporter;
import dev.sweep.run.TrialSpec;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** The Spark task: trains one trial execution on the executor it lands on. */
final class RemoteTrial implements Function<TrialTask, TaskOutcome> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaskOutcome call(TrialTask task) {
        TaskContext context = TaskContext.get();
        RelayClient driver = new RelayClient(task.relayUrl());
        TrialReporter reporter = new TrialReporter() {
            @Override
            public void epochCompleted(EpochMetrics metrics) {
                driver.epoch(metrics);
            }

            @Override
            public boolean shouldPrune(int epoch, double objective) {
                return driver.shouldPrune(epoch, objective);
            }

            // A cancelled job (the sweep stopping) interrupts its task: training stops at the next batch.
            @Override
            public boolean stopRequested() {
                return context != null && context.isInterrupted();
            }
        };
        TrialSpec spec = task.shippedData() ? task.spec().withDataFolder(Path.of(SparkFiles.getRootDirectory())) : task.spec();
        try {
            return new TaskOutcome(WorkerRuntime.executor(task.dataRoot(), task.modules()).execute(spec, reporter), null, null,
                    host());
        } catch (TrialPrunedException e) {
            return new TaskOutcome(null, null, e.last(), host());
        } catch (TrialFailedException e) {
            return new TaskOutcome(null, e.getMessage(), null, host());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName() + " (" + ProcessHandle.current().pid() + ")";
        } catch (UnknownHostException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
