package dev.sweep.sample;

import dev.sweep.TinyArchitecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.Network;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.data.DatasetRepository;
import dev.sweep.run.StopSignal;
import dev.sweep.run.SweepListener;
import dev.sweep.run.SweepRunner;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.run.TrialExecutor;
import dev.sweep.run.TrialResult;
import dev.sweep.run.TrialSpec;
import dev.sweep.train.ClassificationMetrics;
import dev.sweep.train.EpochMetrics;
import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialPrunedException;
import dev.sweep.train.TrialReporter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A cheap objective of known optimum over the tiny architecture's space, and an executor that reports it as a trial's
 * validation accuracy without training: for tests of what samplers do through the real runner and store.
 */
final class SyntheticObjective {
    static final ArchitectureRegistry REGISTRY = TinyArchitecture.registry();
    static final DatasetRepository DATA = new DatasetRepository(Path.of(System.getProperty("sweep.data.dir")), m -> { });

    private SyntheticObjective() {
    }

    /**
     * A sweep file of the tiny architecture over the objective's space.
     *
     * @param head the lines that tell the sweeps apart: name first, then strategy, seed, parallel, pruner, ...
     */
    static String sweepFile(String head, int epochs) {
        return head.stripTrailing() + """

                dataset: {name: mnist, train_limit: 200, validation: 100}
                architecture: tiny
                parameters:
                  epochs: %d
                  learning_rate: {float: [1.0e-5, 1.0e-1], scale: log}
                  units: {int: [16, 512], step: 16}
                  dropout: {float: [0.0, 0.6]}
                  activation: {values: [relu, tanh]}
                """.formatted(epochs);
    }

    /** Runs the file through the real runner into the store, and returns the trials of the sweep it names. */
    static List<TrialRecord> run(ExperimentStore store, String yaml, TrialExecutor executor) {
        new SweepRunner(REGISTRY, DATA, executor, new StopSignal())
                .run(new SweepFileLoader(REGISTRY).parse(yaml, Path.of("synthetic.yaml")), store, SweepListener.NONE);
        String name = yaml.lines().findFirst().orElseThrow().substring("name: ".length()).strip();
        return store.trials(store.findSweep(name).orElseThrow().id());
    }

    /** Best 1.0 at learning rate 10^-2.5, 160 units, dropout 0.2 and tanh. */
    static double objective(Map<String, Object> p) {
        double lr = Math.log10(((Number) p.get("learning_rate")).doubleValue()) + 2.5;
        double units = (((Number) p.get("units")).intValue() - 160) / 200.0;
        double dropout = (((Number) p.get("dropout")).doubleValue() - 0.2) / 0.3;
        return 1.0 - 0.1 * (lr * lr + units * units + dropout * dropout) - (p.get("activation").equals("tanh") ? 0 : 0.1);
    }

    static final class Executor implements TrialExecutor {
        @Override
        public TrialResult execute(TrialSpec spec, TrialReporter reporter) {
            double value = objective(spec.parameters());
            EpochMetrics epoch = new EpochMetrics(1, 1 - value, value, 1 - value, value, 1, 1);
            reporter.epochCompleted(epoch);
            ClassificationMetrics metrics = new ClassificationMetrics(1000, value, 1 - value, value, 0.9, new int[10][10]);
            return new TrialResult(List.of(epoch), metrics, metrics, 10, 1, 1, Network.Format.MULTI_LAYER, new byte[]{1}, 1,
                    new double[]{1, 1});
        }
    }

    /**
     * The objective approached over the trial's epochs (half the way left each epoch), asking the pruner after each
     * epoch but the last, as the trainer does.
     */
    static final class Curves implements TrialExecutor {
        @Override
        public TrialResult execute(TrialSpec spec, TrialReporter reporter) throws TrialFailedException {
            double target = objective(spec.parameters());
            int epochs = ((Number) spec.parameters().get("epochs")).intValue();
            List<EpochMetrics> history = new java.util.ArrayList<>();
            double value = 0;
            for (int e = 1; e <= epochs; e++) {
                value = target * (1 - Math.pow(0.5, e));
                EpochMetrics epoch = new EpochMetrics(e, 1 - value, value, 1 - value, value, 1, 1);
                history.add(epoch);
                reporter.epochCompleted(epoch);
                if (e < epochs && reporter.shouldPrune(e, value)) {
                    throw new TrialPrunedException(epoch);
                }
            }
            ClassificationMetrics metrics = new ClassificationMetrics(1000, value, 1 - value, value, 0.9, new int[10][10]);
            return new TrialResult(history, metrics, metrics, 10, 1, 1, Network.Format.MULTI_LAYER, new byte[]{1}, epochs,
                    new double[]{1, 1});
        }
    }
}
