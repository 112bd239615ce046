package dev.sweep.sample;

import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterSpec;
import dev.sweep.store.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trial pruned at epoch 1 has only its early value, and with val_loss that can be lower than a complete trial's
 * final one. Every learning sampler ranks it below the complete trials, so its early value does not lure the search
 * to where the pruner already stopped trials. Before, bayes fitted the early value as if it were final and sent 20
 * suggestions of 20 into the pruned region.
 */
class PrunedTrialsRankBelowCompleteOnesTest {
    private static final int SEEDS = 20;

    /** Complete trials over x in [0, 0.55], best at 0.3; pruned ones over [0.7, 0.95] with a lower, early val_loss. */
    private static SamplerHistory history() {
        List<Observation> trials = new ArrayList<>();
        double[] complete = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55};
        for (double x : complete) {
            trials.add(new Observation(trials.size(), Map.of("x", x), TrialState.COMPLETE, 0.5 + (x - 0.3) * (x - 0.3), 10));
        }
        double[] pruned = {0.7, 0.8, 0.9, 0.95};
        for (double x : pruned) {
            trials.add(new Observation(trials.size(), Map.of("x", x), TrialState.PRUNED, 0.3, 1));
        }
        return new SamplerHistory(trials, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tpe", "bayes", "evolution"})
    void aPrunedTrialsEarlyValueDoesNotDrawTheSearchIntoThePrunedRegion(String name) {
        SamplerType type = SamplerTypes.builtIn().find(name).orElseThrow();
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        type.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        if (settings.containsKey("startup_trials")) {
            settings.put("startup_trials", 5);
        }
        SamplingSpace space = new SamplingSpace(Map.of("x", new ParameterSpec.FloatRange(0, 1, false)), Conditions.NONE);
        int intoPruned = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            double x = (Double) type.create(space, 20, settings, seed).suggest(10, history()).values().get("x");
            if (x > 0.65) {
                intoPruned++;
            }
        }
        System.out.printf("%s: %d of %d suggestions in the pruned region%n", name, intoPruned, SEEDS);
        assertThat(intoPruned).as("%s's suggestions of %d seeds in the pruned region x > 0.65", name, SEEDS).isLessThanOrEqualTo(SEEDS / 10);
    }
}
