package dev.sweep.bench;

import dev.sweep.sample.Observation;
import dev.sweep.sample.Sampler;
import dev.sweep.sample.SamplerHistory;
import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplingSpace;
import dev.sweep.space.Conditions;
import dev.sweep.store.TrialState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a sampler on a test function as an ask-and-tell loop: each trial's suggestion is evaluated and told back as a
 * complete trial before the next is asked for, as Optuna's {@code study.ask()} and {@code study.tell()} do.
 */
public final class SamplerBenchmark {
    private SamplerBenchmark() {
    }

    /** One run's best regret (best value found minus the minimum) after each trial. */
    public static double[] regrets(SamplerType type, Map<String, Object> settings, TestFunction function, int trials, long seed) {
        Sampler sampler = type.create(new SamplingSpace(function.space(), Conditions.NONE), trials, settings, seed);
        List<Observation> history = new ArrayList<>();
        double[] regrets = new double[trials];
        double best = Double.POSITIVE_INFINITY;
        for (int number = 0; number < trials; number++) {
            Map<String, Object> point = sampler.suggest(number, new SamplerHistory(history, false)).values();
            double value = function.f().applyAsDouble(point);
            history.add(new Observation(number, point, TrialState.COMPLETE, value, 1));
            best = Math.min(best, value);
            regrets[number] = best - function.minimum();
        }
        return regrets;
    }

    /**
     * CPU milliseconds one suggestion takes after {@code size} complete trials (drawn at random), the median of
     * {@code repeats} suggestions: CPU time, so that a busy machine does not inflate it.
     */
    public static double millisecondsPerSuggestion(SamplerType type, Map<String, Object> settings, TestFunction function, int size,
                                                   int repeats, SamplerType random) {
        SamplingSpace space = new SamplingSpace(function.space(), Conditions.NONE);
        Sampler draws = random.create(space, size, Map.of(), 1);
        List<Observation> history = new ArrayList<>();
        for (int number = 0; number < size; number++) {
            Map<String, Object> point = new LinkedHashMap<>(draws.suggest(number, SamplerHistory.empty(false)).values());
            history.add(new Observation(number, point, TrialState.COMPLETE, function.f().applyAsDouble(point), 1));
        }
        Sampler sampler = type.create(space, size + repeats, settings, 7);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long started = cpu.getCurrentThreadCpuTime();
            sampler.suggest(size + r, new SamplerHistory(history, false));
            ms[r] = (cpu.getCurrentThreadCpuTime() - started) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
