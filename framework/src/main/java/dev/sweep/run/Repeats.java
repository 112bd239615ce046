package dev.sweep.run;

import dev.sweep.config.Objective;

import java.util.ArrayList;
import java.util.List;

/**
 * The executions of one trial (Keras Tuner's executions_per_trial): the trial's objective is their mean, and the best
 * execution's metrics and model are the trial's.
 */
final class Repeats {
    /** A prime stride keeps the repeats' seeds apart from the next trials' ({@code seed + number}). */
    private static final long SEED_STRIDE = 1_000_003L;

    private final Objective objective;
    private final List<Double> values = new ArrayList<>();
    private TrialResult best;
    private int bestRepeat;

    Repeats(Objective objective) {
        this.objective = objective;
    }

    /** Execution 0 uses the trial's seed, so one repeat is exactly a trial without repeats. */
    static long seed(long trialSeed, int repeat) {
        return trialSeed + SEED_STRIDE * repeat;
    }

    /** Adds an execution; returns its objective value. */
    double add(TrialResult result) {
        double value = objective.of(result.validation().accuracy(), result.validation().loss());
        if (best == null || objective.isBetter(value, values.get(bestRepeat))) {
            best = result;
            bestRepeat = values.size();
        }
        values.add(value);
        return value;
    }

    TrialResult best() {
        return best;
    }

    int bestRepeat() {
        return bestRepeat;
    }

    double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sample standard deviation; null for a single execution. */
    Double standardDeviation() {
        if (values.size() < 2) {
            return null;
        }
        double mean = mean();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
