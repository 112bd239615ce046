package dev.sweep.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.TinyArchitecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.data.DatasetRepository;
import dev.sweep.run.StopSignal;
import dev.sweep.run.SweepListener;
import dev.sweep.run.SweepRunner;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pruner with every learning sampler through the real runner and store (TPE with ASHA or Hyperband is close to
 * BOHB, Optuna's recommendation): the sweep runs its trials, some are pruned, and the model's suggestions learn from
 * the pruned ones too.
 */
class PrunersWithLearningSamplersTest {
    private static final ArchitectureRegistry REGISTRY = TinyArchitecture.registry();
    private static final DatasetRepository DATA = new DatasetRepository(Path.of(System.getProperty("sweep.data.dir")), m -> { });
    private static final int TRIALS = 24;

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"tpe, asha", "tpe, hyperband", "tpe, median", "bayes, asha", "bayes, hyperband", "evolution, asha",
            "evolution, median"})
    void theModelLearnsFromThePrunedTrialsAndTheSweepRunsEveryTrial(String sampler, String pruner) throws Exception {
        String yaml = """
                name: pruned
                dataset: {name: mnist, train_limit: 200, validation: 100}
                architecture: tiny
                strategy: {type: %s, trials: %d}
                pruner: {type: %s}
                seed: 3
                parameters:
                  epochs: 4
                  learning_rate: {float: [1.0e-5, 1.0e-1], scale: log}
                  units: {int: [16, 512], step: 16}
                  dropout: {float: [0.0, 0.6]}
                  activation: {values: [relu, tanh]}
                """.formatted(sampler, TRIALS, pruner);
        List<TrialRecord> trials;
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:pruned_" + System.nanoTime())) {
            new SweepRunner(REGISTRY, DATA, new SyntheticObjective.Curves(), new StopSignal())
                    .run(new SweepFileLoader(REGISTRY).parse(yaml, Path.of("pruned.yaml")), store, SweepListener.NONE);
            trials = store.trials(store.findSweep("pruned").orElseThrow().id());
        }
        assertThat(trials).hasSize(TRIALS).allSatisfy(t -> assertThat(t.state()).isIn(TrialState.COMPLETE, TrialState.PRUNED));
        Set<Integer> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).map(TrialRecord::number)
                .collect(Collectors.toSet());
        assertThat(pruned).as("%s prunes some trials", pruner).isNotEmpty();
        TrialRecord last = trials.get(TRIALS - 1);
        List<Integer> saw = new ArrayList<>();
        var sampled = new ObjectMapper().readTree(last.configJson()).path("sampler");
        sampled.path("saw").forEach(n -> saw.add(n.asInt()));
        assertThat(sampled.path("basis").asText()).isEqualTo("model");
        assertThat(saw).as("the last suggestion learned from pruned trials").containsAnyElementsOf(pruned);
    }
}
