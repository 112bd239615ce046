package dev.sweep.prune;

import dev.sweep.FatalException;
import dev.sweep.TinyArchitecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.data.DatasetRepository;
import dev.sweep.run.StopSignal;
import dev.sweep.run.SweepListener;
import dev.sweep.run.SweepRunner;
import dev.sweep.run.TrialExecutor;
import dev.sweep.run.TrialResult;
import dev.sweep.run.TrialSpec;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import dev.sweep.train.ClassificationMetrics;
import dev.sweep.train.EpochMetrics;
import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialPrunedException;
import dev.sweep.train.TrialReporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pruning through the real sweep loop and store, on a synthetic objective: trial k's validation accuracy per epoch is
 * a known curve, so which trials each pruner stops can be worked out by hand.
 */
class PrunedSweepTest {
    private static final ArchitectureRegistry REGISTRY = TinyArchitecture.registry();
    private static final DatasetRepository DATA = new DatasetRepository(Path.of(System.getProperty("sweep.data.dir")), m -> { });

    /** Validation accuracy after epochs 1..4 of candidates 0..5 (the learning rate only tells them apart). */
    private static final double[][] CURVES = {
            {0.50, 0.60, 0.70, 0.75},
            {0.40, 0.55, 0.65, 0.70},
            {0.60, 0.70, 0.80, 0.85},
            {0.30, 0.35, 0.40, 0.45},   // below every median from epoch 2: median prunes it after epoch 2
            {0.55, 0.72, 0.81, 0.90},   // best of all
            {0.58, 0.59, 0.60, 0.61},   // median at epoch 2 of the complete #0, #1, #2, #4 is 0.65: pruned
    };

    /** Plays the curve of its candidate, asking the pruner after each epoch as the trainer does. */
    private static final class SyntheticExecutor implements TrialExecutor {
        private final int crashAtTrial;

        SyntheticExecutor(int crashAtTrial) {
            this.crashAtTrial = crashAtTrial;
        }

        @Override
        public TrialResult execute(TrialSpec spec, TrialReporter reporter) throws TrialFailedException {
            double[] curve = CURVES[spec.number()];
            List<EpochMetrics> epochs = new ArrayList<>();
            for (int e = 1; e <= curve.length; e++) {
                if (spec.number() == crashAtTrial && e == 3) {
                    throw new FatalException("the machine went away", null) {
                    };
                }
                EpochMetrics m = new EpochMetrics(e, 1 - curve[e - 1], Double.NaN, 1 - curve[e - 1], curve[e - 1], 1, 1);
                epochs.add(m);
                reporter.epochCompleted(m);
                if (e < curve.length && reporter.shouldPrune(e, curve[e - 1])) {
                    throw new TrialPrunedException(m);
                }
            }
            double last = curve[curve.length - 1];
            ClassificationMetrics metrics = new ClassificationMetrics(1000, last, 1 - last, last, 0.9, new int[10][10]);
            return new TrialResult(epochs, metrics, metrics, 10, 1, 1, dev.sweep.arch.Network.Format.MULTI_LAYER,
                    new byte[]{1}, curve.length, new double[]{1, 1});
        }
    }

    private static SweepDefinition sweep(String pruner) {
        String yaml = """
                name: synthetic
                dataset: {name: mnist, train_limit: 200, validation: 100}
                architecture: tiny
                strategy: {type: grid}
                pruner: %s
                parameters:
                  epochs: 4
                  learning_rate: {values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]}
                """.formatted(pruner);
        return new SweepFileLoader(REGISTRY).parse(yaml, Path.of("synthetic.yaml"));
    }

    private static Map<Integer, TrialState> run(SweepDefinition sweep, ExperimentStore store, int crashAtTrial) {
        new SweepRunner(REGISTRY, DATA, new SyntheticExecutor(crashAtTrial), new StopSignal()).run(sweep, store, SweepListener.NONE);
        return states(store);
    }

    private static Map<Integer, TrialState> states(ExperimentStore store) {
        Map<Integer, TrialState> states = new TreeMap<>();
        store.trials(store.findSweep("synthetic").orElseThrow().id()).forEach(t -> states.put(t.number(), t.state()));
        return states;
    }

    @Test
    void medianPrunesExactlyTheTrialsBelowTheCompletedMedianAndTheyAreNeverTheBest() {
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:median" + System.nanoTime())) {
            Map<Integer, TrialState> states = run(sweep("{type: median, warmup_epochs: 1, min_trials: 3}"), store, -1);
            assertThat(states).containsExactlyEntriesOf(new TreeMap<>(Map.of(0, TrialState.COMPLETE, 1, TrialState.COMPLETE,
                    2, TrialState.COMPLETE, 3, TrialState.PRUNED, 4, TrialState.COMPLETE, 5, TrialState.PRUNED)));
            long sweepId = store.findSweep("synthetic").orElseThrow().id();
            TrialRecord pruned = store.trials(sweepId).get(3);
            assertThat(pruned.epochsDone()).isEqualTo(2);
            assertThat(pruned.valAccuracy()).isEqualTo(0.35);
            assertThat(pruned.error()).isEqualTo("pruned after epoch 2 by median");
            assertThat(store.bestTrial(sweepId).orElseThrow().number()).isEqualTo(4);
        }
    }

    @Test
    void ashaPromotesOnlyTheTopThirdAtEpochsOneAndThree() {
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:asha" + System.nanoTime())) {
            Map<Integer, TrialState> states = run(sweep("{type: asha, min_epochs: 1, reduction: 3}"), store, -1);
            // epoch 1: #0 0.50 first; #1 0.40 < 0.50 pruned; #2 0.60 best; #3 0.30 pruned; #4 0.55 is 3rd of 5
            // (top 5/3 = 1): pruned; #5 0.58 is 2nd of 6 (top 2): goes on. Epoch 3 among #0 0.70, #2 0.80, #5 0.60:
            // #0 first there goes on, #2 best goes on, #5 3rd of 3 (top 1) pruned.
            assertThat(states).containsExactlyEntriesOf(new TreeMap<>(Map.of(0, TrialState.COMPLETE, 1, TrialState.PRUNED,
                    2, TrialState.COMPLETE, 3, TrialState.PRUNED, 4, TrialState.PRUNED, 5, TrialState.PRUNED)));
        }
    }

    @Test
    void aResumedSweepMakesTheSameDecisionsAsAnUninterruptedOne() {
        Map<Integer, TrialState> uninterrupted;
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:whole" + System.nanoTime())) {
            uninterrupted = run(sweep("{type: median, warmup_epochs: 1, min_trials: 3}"), store, -1);
        }
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:resumed" + System.nanoTime())) {
            assertThatThrownBy(() -> run(sweep("{type: median, warmup_epochs: 1, min_trials: 3}"), store, 4))
                    .hasMessageContaining("the machine went away");
            assertThat(states(store)).containsEntry(4, TrialState.INTERRUPTED);
            assertThat(run(sweep("{type: median, warmup_epochs: 1, min_trials: 3}"), store, -1)).isEqualTo(uninterrupted);
        }
    }
}
