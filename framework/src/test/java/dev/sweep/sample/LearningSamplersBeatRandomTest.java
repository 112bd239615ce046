package dev.sweep.sample;

import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterSpec;
import dev.sweep.store.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** On a cheap objective of known optimum, with fixed seeds so the comparison cannot flake. */
class LearningSamplersBeatRandomTest {
    private static final int TRIALS = 30;
    private static final int SEEDS = 10;

    private static SamplingSpace space() {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put("learning_rate", new ParameterSpec.FloatRange(1e-5, 1e-1, true));
        specs.put("units", new ParameterSpec.IntRange(16, 512, 16));
        specs.put("dropout", new ParameterSpec.FloatRange(0.0, 0.6, false));
        specs.put("optimizer", new ParameterSpec.Choice(List.of("adam", "sgd", "rmsprop")));
        return new SamplingSpace(specs, Conditions.NONE);
    }

    /** Best 1.0 at learning rate 10^-2.5, 160 units, dropout 0.2, adam. */
    private static double objective(Map<String, Object> c) {
        double lr = Math.log10((Double) c.get("learning_rate")) + 2.5;
        double units = ((Integer) c.get("units") - 160) / 200.0;
        double dropout = ((Double) c.get("dropout") - 0.2) / 0.3;
        return 1.0 - 0.1 * (lr * lr + units * units + dropout * dropout) - (c.get("optimizer").equals("adam") ? 0 : 0.1);
    }

    /** @param switchedOn a true-or-false setting turned on, or null for the defaults */
    private static double bestAfter(SamplerType type, String switchedOn, long seed) {
        Map<String, Object> settings = new LinkedHashMap<>();
        type.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        if (switchedOn != null) {
            settings.put(switchedOn, true);
        }
        Sampler sampler = type.create(space(), TRIALS, settings, seed);
        List<Observation> trials = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int number = 0; number < TRIALS; number++) {
            Map<String, Object> values = sampler.suggest(number, new SamplerHistory(trials, true)).values();
            double value = objective(values);
            best = Math.max(best, value);
            trials.add(new Observation(number, values, TrialState.COMPLETE, value, 1));
        }
        return best;
    }

    private static double median(SamplerType type, String switchedOn) {
        List<Double> bests = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            bests.add(bestAfter(type, switchedOn, seed));
        }
        bests.sort(Double::compare);
        return (bests.get(SEEDS / 2 - 1) + bests.get(SEEDS / 2)) / 2;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tpe", "tpe multivariate", "bayes", "evolution"})
    void theMedianBestAfterThirtyTrialsBeatsRandomsOverTenSeeds(String name) {
        String[] words = name.split(" ");
        double learned = median(SamplerTypes.builtIn().find(words[0]).orElseThrow(), words.length > 1 ? words[1] : null);
        double random = median(new BuiltInSamplers.Random(), null);
        System.out.printf("%s %.4f, random %.4f%n", name, learned, random);
        assertThat(learned).as("%s %.4f against random %.4f", name, learned, random).isGreaterThan(random);
    }
}
