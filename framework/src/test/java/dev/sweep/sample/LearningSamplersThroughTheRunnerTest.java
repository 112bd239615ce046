package dev.sweep.sample;

import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning samplers through the real sweep loop and H2 store, on a synthetic objective of known optimum that a
 * test executor computes from each trial's resolved parameters: the history they learn from is what the store gives
 * back. Ten fixed seeds, so the comparison cannot flake.
 */
class LearningSamplersThroughTheRunnerTest {
    private static final int TRIALS = 30;
    private static final int SEEDS = 10;
    /** Random's median, measured once for every learning sampler it is compared with. */
    private static final java.util.function.Supplier<Double> RANDOM_MEDIAN = memoized(() -> medianBest("random"));

    private static java.util.function.Supplier<Double> memoized(java.util.function.Supplier<Double> supplier) {
        Double[] value = new Double[1];
        return () -> value[0] != null ? value[0] : (value[0] = supplier.get());
    }

    private static List<TrialRecord> run(String sampler, long seed) {
        String yaml = SyntheticObjective.sweepFile("name: synthetic\nstrategy: {type: %s, trials: %d}\nseed: %d\n"
                .formatted(sampler, TRIALS, seed) + "objective: {metric: val_accuracy, goal: maximize}", 1);
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:" + sampler + seed + "_" + System.nanoTime())) {
            return SyntheticObjective.run(store, yaml, new SyntheticObjective.Executor());
        }
    }

    private static double medianBest(String sampler) {
        List<Double> bests = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<TrialRecord> trials = run(sampler, seed);
            assertThat(trials).hasSize(TRIALS).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            bests.add(trials.stream().mapToDouble(TrialRecord::valAccuracy).max().orElseThrow());
        }
        bests.sort(Double::compare);
        return (bests.get(SEEDS / 2 - 1) + bests.get(SEEDS / 2)) / 2;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tpe", "bayes"})
    void theMedianBestAfterThirtyStoredTrialsBeatsRandomsOverTenSeeds(String sampler) {
        double learned = medianBest(sampler);
        double random = RANDOM_MEDIAN.get();
        System.out.printf("through the runner: %s %.4f, random %.4f%n", sampler, learned, random);
        assertThat(learned).as("%s %.4f against random %.4f", sampler, learned, random).isGreaterThan(random);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tpe", "bayes", "evolution"})
    void theSameFileAndSeedStoreTheSameTrialsBitForBit(String sampler) {
        List<Map<String, String>> first = run(sampler, 3).stream().map(TrialRecord::parameters).toList();
        List<Map<String, String>> second = run(sampler, 3).stream().map(TrialRecord::parameters).toList();
        assertThat(second).isEqualTo(first);
    }
}
