package dev.sweep.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.config.ConfigurationException;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code enqueue:} and {@code warm_start:} through the real runner and H2 store, on the synthetic objective. */
class FirstTrialsTest {

    private static String sweepFile(String name, String strategy, String objective, String extra) {
        return SyntheticObjective.sweepFile("name: " + name + "\nstrategy: " + strategy + "\nseed: 5\nobjective: " + objective
                + "\n" + extra, 1);
    }

    private static List<TrialRecord> run(ExperimentStore store, String yaml) {
        return SyntheticObjective.run(store, yaml, new SyntheticObjective.Executor());
    }

    private static JsonNode sampler(TrialRecord trial) throws IOException {
        return new ObjectMapper().readTree(trial.configJson()).path("sampler");
    }

    @Test
    void enqueuedSetsAreTheFirstTrialsAndTheSamplerDrawsTheKeysTheyLeaveOut() throws Exception {
        String yaml = sweepFile("queued", "{type: tpe, trials: 6, startup_trials: 3}", "{metric: val_accuracy, goal: maximize}", """
                enqueue:
                  - {learning_rate: 0.003, units: 160}
                  - {activation: tanh}
                """);
        List<TrialRecord> trials;
        List<TrialRecord> again;
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:queued_" + System.nanoTime())) {
            trials = run(store, yaml);
        }
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:queued_" + System.nanoTime())) {
            again = run(store, yaml);
        }
        assertThat(trials).hasSize(6).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(trials.get(0).parameters()).containsEntry("learning_rate", "0.003").containsEntry("units", "160")
                .containsKeys("dropout", "activation");
        assertThat(trials.get(1).parameters()).containsEntry("activation", "tanh").containsKeys("learning_rate", "units", "dropout");
        List<String> bases = new ArrayList<>();
        for (TrialRecord t : trials) {
            bases.add(sampler(t).path("basis").asText());
        }
        assertThat(bases).containsExactly("enqueued", "enqueued", "startup", "model", "model", "model");
        assertThat(again).extracting(TrialRecord::parameters).isEqualTo(trials.stream().map(TrialRecord::parameters).toList());
    }

    @Test
    void aWarmStartTriesTheOtherSweepsBestFirstAndTheModelLearnsFromTheirResults() throws Exception {
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:warm_" + System.nanoTime())) {
            List<TrialRecord> earlier = new ArrayList<>(run(store, sweepFile("earlier", "{type: random, trials: 10}",
                    "{metric: val_accuracy, goal: maximize}", "")));
            earlier.sort(Comparator.comparingDouble(TrialRecord::objectiveValue).reversed());

            List<TrialRecord> warm = run(store, sweepFile("warm", "{type: tpe, trials: 6, startup_trials: 3}",
                    "{metric: val_accuracy, goal: maximize}", "warm_start: {from: earlier, top: 3}"));

            assertThat(warm).hasSize(6);
            for (int i = 0; i < 3; i++) {
                assertThat(warm.get(i).parameters()).as("candidate #%d is the earlier sweep's #%d best", i, i + 1)
                        .isEqualTo(earlier.get(i).parameters());
                assertThat(sampler(warm.get(i)).path("basis").asText()).isEqualTo("warm_start");
            }
            JsonNode firstModelTrial = sampler(warm.get(3));
            assertThat(firstModelTrial.path("basis").asText()).isEqualTo("model");
            List<Integer> saw = new ArrayList<>();
            firstModelTrial.path("saw").forEach(n -> saw.add(n.asInt()));
            assertThat(saw).as("the earlier results (-1..-3) and this sweep's own finished trials").containsExactly(-1, -2, -3, 0, 1, 2);
        }
    }

    @Test
    void aWarmStartFromAMissingSweepAnotherObjectiveOrOutsideTheSpaceIsRefusedBeforeAnythingIsStored() {
        try (ExperimentStore store = ExperimentStore.open("jdbc:h2:mem:refused_" + System.nanoTime())) {
            run(store, sweepFile("losses", "{type: random, trials: 3}", "{metric: val_loss, goal: minimize}", ""));
            run(store, sweepFile("wide", "{type: random, trials: 6}", "{metric: val_accuracy, goal: maximize}", ""));

            Map<String, String> refusals = Map.of(
                    "warm_start: {from: nowhere}", "warm_start.from: no sweep named 'nowhere'",
                    "warm_start: {from: losses}", "warm_start.from: sweep 'losses' has objective val_loss (minimize), "
                            + "this one val_accuracy (maximize)",
                    "warm_start: {from: wide, top: 6}", "is outside this sweep's space: units");
            refusals.forEach((section, message) -> {
                String yaml = sweepFile("narrow", "{type: tpe, trials: 8}", "{metric: val_accuracy, goal: maximize}", section)
                        .replace("units: {int: [16, 512], step: 16}", "units: {int: [16, 32], step: 16}");
                ConfigurationException e = catchThrowableOfType(() -> run(store, yaml), ConfigurationException.class);
                assertThat(e).as(section).isNotNull();
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("synthetic.yaml");
                    assertThat(p.message()).contains(message);
                    assertThat(p.fix()).isNotBlank();
                });
                assertThat(store.findSweep("narrow")).as("nothing stored for " + section).isEmpty();
            });
        }
    }
}
