package dev.sweep.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    private static final int TRIALS = 24;

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"tpe, asha", "tpe, hyperband", "tpe, median", "bayes, asha", "bayes, hyperband", "evolution, asha",
            "evolution, median"})
    void theModelLearnsFromThePrunedTrialsAndTheSweepRunsEveryTrial(String sampler, String pruner) throws Exception {
        String yaml = SyntheticObjective.sweepFile("name: pruned\nstrategy: {type: %s, trials: %d}\npruner: {type: %s}\nseed: 3"
                .formatted(sampler, TRIALS, pruner), 4);
        List<TrialRecord> trials;
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:pruned_" + System.nanoTime())) {
            trials = SyntheticObjective.run(store, yaml, new SyntheticObjective.Curves());
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
