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
        // Under Hyperband each bracket starts its own model, after its own startup trials.
        String startup = pruner.equals("hyperband") ? ", startup_trials: 4" : "";
        String yaml = SyntheticObjective.sweepFile("name: pruned\nstrategy: {type: %s, trials: %d%s}\npruner: {type: %s}\nseed: 3"
                .formatted(sampler, TRIALS, startup, pruner), 4);
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

    /** As Optuna's samplers under its HyperbandPruner: a bracket is a search of its own, with its own rungs and model. */
    @org.junit.jupiter.api.Test
    void underHyperbandEachTrialsSamplerLearnsOnlyFromItsOwnBracket() throws Exception {
        String yaml = SyntheticObjective.sweepFile("name: brackets\nstrategy: {type: tpe, trials: %d, startup_trials: 3}\n"
                .formatted(TRIALS) + "pruner: {type: hyperband}\nseed: 3", 4);
        List<TrialRecord> trials;
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:brackets_" + System.nanoTime())) {
            trials = SyntheticObjective.run(store, yaml, new SyntheticObjective.Curves());
        }
        dev.sweep.prune.HyperbandPruner hyperband = new dev.sweep.prune.HyperbandPruner(1, 3, 4);
        int modelled = 0;
        for (TrialRecord t : trials) {
            var sampled = new ObjectMapper().readTree(t.configJson()).path("sampler");
            List<Integer> saw = new ArrayList<>();
            sampled.path("saw").forEach(n -> saw.add(n.asInt()));
            assertThat(saw).as("trial %d of bracket %d saw", t.number(), hyperband.bracketOf(t.number()))
                    .allMatch(other -> hyperband.bracketOf(other) == hyperband.bracketOf(t.number()));
            modelled += sampled.path("basis").asText().equals("model") ? 1 : 0;
        }
        assertThat(modelled).as("trials drawn from a bracket's model").isPositive();
    }
}
