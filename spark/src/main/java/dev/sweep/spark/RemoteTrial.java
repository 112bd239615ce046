package dev.sweep.spark;

import dev.sweep.train.EpochMetrics;
import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialPrunedException;
import dev.sweep.train.TrialReporter;
import dev.sweep.run.TrialSpec;
import dev.sweep.run.Workers;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

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
        TrialSpec spec = task.shipment() == null ? task.spec()
                : task.spec().withDataset(task.shipment().arrivedAt(Path.of(SparkFiles.getRootDirectory()), task.spec().dataset()));
        try {
            return new TaskOutcome(WorkerRuntime.executor(task.dataRoot(), task.modules()).execute(spec, reporter), null, null,
                    Workers.self());
        } catch (TrialPrunedException e) {
            return new TaskOutcome(null, null, e.last(), Workers.self());
        } catch (TrialFailedException e) {
            return new TaskOutcome(null, e.getMessage(), null, Workers.self());
        }
    }
}
