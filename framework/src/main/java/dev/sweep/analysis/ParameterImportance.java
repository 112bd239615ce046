package dev.sweep.analysis;

import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which searched parameters decide the objective, by PED-ANOVA (Watanabe et al., IJCAI 2023, as Optuna's
 * {@code PedAnovaImportanceEvaluator}): a parameter matters as much as the values of the best trials differ from those
 * of all trials, measured as the Pearson divergence between the two densities on a grid of the parameter's range (in
 * its search scale; choices by their counts). It needs no model of the objective, only the ranks, so a few dozen
 * trials suffice and it costs milliseconds. The importances are normalised to sum to 1.
 */
public final class ParameterImportance {
    /** The fewest complete trials it can say anything from: the best two against all of them. */
    public static final int MIN_TRIALS = 3;
    /** Optuna's default: the best 10% of the trials against all of them. */
    static final double TOP_QUANTILE = 0.1;
    private static final int GRID = 100;

    private ParameterImportance() {
    }

    /** One trial as the analysis sees it: its searched values, as stored, and its objective. */
    public record Trial(Map<String, String> values, double objective) {
    }

    /**
     * @param space    the searched parameters, by key, in the order to report them
     * @param maximize whether a larger objective is better
     * @return each parameter's importance, largest first, summing to 1; empty when no parameter's values set the best
     *         trials apart (too few trials, or the same values everywhere)
     */
    public static Map<String, Double> of(Map<String, ParameterSpec> space, List<Trial> trials, boolean maximize) {
        List<Trial> ranked = new ArrayList<>(trials);
        Comparator<Trial> byObjective = Comparator.comparingDouble(Trial::objective);
        ranked.sort(maximize ? byObjective.reversed() : byObjective);
        int top = Math.max(2, (int) Math.ceil(TOP_QUANTILE * ranked.size()));
        Map<String, Double> raw = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterSpec> e : space.entrySet()) {
            if (e.getValue().isFixed()) {
                continue;
            }
            List<Trial> having = ranked.stream().filter(t -> t.values().get(e.getKey()) != null).toList();
            if (having.size() < top + 1) {
                raw.put(e.getKey(), 0.0); // too few trials where it was active to say anything
                continue;
            }
            int best = Math.max(2, (int) Math.ceil(TOP_QUANTILE * having.size()));
            raw.put(e.getKey(), divergence(e.getValue(), values(e.getKey(), having.subList(0, best)), values(e.getKey(), having)));
        }
        double total = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> importance = new LinkedHashMap<>();
        if (!(total > 0)) {
            return importance;
        }
        raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> importance.put(e.getKey(), e.getValue() / total));
        return importance;
    }

    private static List<String> values(String key, List<Trial> trials) {
        return trials.stream().map(t -> t.values().get(key)).toList();
    }

    /** The Pearson divergence of the best trials' density from all trials' density, on a grid over the range. */
    static double divergence(ParameterSpec spec, List<String> best, List<String> all) {
        double[] p = density(spec, best);
        double[] q = density(spec, all);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            if (q[i] > 0) {
                double ratio = p[i] / q[i];
                d += q[i] * (ratio - 1) * (ratio - 1);
            }
        }
        return d;
    }

    /** The values' density on the parameter's grid, summing to 1. */
    private static double[] density(ParameterSpec spec, List<String> values) {
        if (spec instanceof ParameterSpec.Choice choice) {
            // Counts with one pseudo-count per choice, so a choice the best trials never took has a small, finite share.
            double[] p = new double[choice.values().size()];
            Arrays.fill(p, 1.0);
            for (String v : values) {
                for (int c = 0; c < p.length; c++) {
                    if (ParameterValues.format(choice.values().get(c)).equals(v)) {
                        p[c]++;
                    }
                }
            }
            return normalised(p);
        }
        boolean log = spec instanceof ParameterSpec.FloatRange r && r.log();
        double low = spec instanceof ParameterSpec.FloatRange r ? r.min() : ((ParameterSpec.IntRange) spec).min();
        double high = spec instanceof ParameterSpec.FloatRange r ? r.max()
                : ((ParameterSpec.IntRange) spec).min() + ((ParameterSpec.IntRange) spec).stepCount() * ((ParameterSpec.IntRange) spec).step();
        double a = log ? Math.log(low) : low;
        double b = log ? Math.log(high) : high;
        double[] xs = values.stream().mapToDouble(v -> log ? Math.log(Double.parseDouble(v)) : Double.parseDouble(v)).toArray();
        // Scott's rule, 1.06 * sd * n^-1/5: values that cluster get narrow kernels, values spread by chance wide ones.
        double mean = Arrays.stream(xs).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(xs).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, xs.length - 1));
        double bandwidth = Math.max((b - a) * 2 / GRID, 1.06 * sd * Math.pow(xs.length, -0.2));
        double[] kernels = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            double x = a + (b - a) * (i + 0.5) / GRID;
            for (double v : xs) {
                double z = (x - v) / bandwidth;
                kernels[i] += Math.exp(-0.5 * z * z);
            }
        }
        // A uniform prior of one observation's weight, as Optuna's Parzen estimators have (and as the pseudo-counts of
        // a choice): the few best trials' values then count for what few values can say.
        double[] p = normalised(kernels);
        for (int i = 0; i < GRID; i++) {
            p[i] = (xs.length * p[i] + 1.0 / GRID) / (xs.length + 1);
        }
        return p;
    }

    private static double[] normalised(double[] p) {
        double sum = Arrays.stream(p).sum();
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
