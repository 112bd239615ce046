package dev.sweep.sample;

import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterSpec;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvolutionTournamentTest {
    private static final int POPULATION = 10;

    /**
     * Real et al. (Algorithm 1) draw a tournament's sample with replacement, so even a sample as large as the population
     * picks the best member only with probability 1 - (1 - 1/P)^S: 0.651 for P = S = 10. Drawn without replacement, the
     * best member would be every child's parent.
     */
    @Test
    void aTournamentDrawsItsSampleWithReplacement() {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put("member", new ParameterSpec.Choice(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
        specs.put("x", new ParameterSpec.FloatRange(0, 1, false));
        SamplingSpace space = new SamplingSpace(specs, Conditions.NONE);
        List<Observation> trials = new ArrayList<>();
        for (int m = 0; m < POPULATION; m++) {
            trials.add(new Observation(m, Map.of("member", m, "x", 0.5), TrialState.COMPLETE, (double) m, 1));
        }
        SamplerHistory history = new SamplerHistory(trials, true);
        Map<String, Object> settings = Map.of("population", POPULATION, "sample_size", POPULATION);
        int kept = 0;
        int fromBest = 0;
        for (long seed = 1; seed <= 1000; seed++) {
            Map<String, Object> child = new BuiltInSamplers.Evolution().create(space, 20, settings, seed).suggest(POPULATION, history).values();
            if (((Number) child.get("x")).doubleValue() != 0.5) { // x was mutated, so member is the parent's
                kept++;
                fromBest += child.get("member").equals(POPULATION - 1) ? 1 : 0;
            }
        }
        double share = fromBest / (double) kept;
        double expected = 1 - Math.pow(1 - 1.0 / POPULATION, POPULATION);
        double sd = Math.sqrt(expected * (1 - expected) / kept);
        System.out.printf("the best member was the parent of %d of %d children (%.3f, expected %.3f)%n", fromBest, kept, share, expected);
        assertThat(share).as("the best member's share of parents, over %d children", kept).isBetween(expected - 4 * sd, expected + 4 * sd);
    }
}
