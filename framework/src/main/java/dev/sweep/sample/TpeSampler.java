package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011) as Optuna's independent {@code TPESampler}:
 * random startup trials, then for each parameter a density of the best trials' values (l) and one of the rest (g),
 * and of {@code ei_candidates} draws from l the one that maximizes l / g. A conditional parameter is modelled from the
 * trials where it was active. The trials are judged in {@link Ranking}'s order. With {@code multivariate}, the
 * parameters that every trial has (the unconditional ones) are drawn together from one {@link JointParzenEstimator}
 * each for l and g, as Optuna's {@code multivariate=True}; the conditional ones stay independent.
 */
final class TpeSampler implements Sampler {
    private final SamplingSpace space;
    private final int trials;
    private final int startup;
    private final int candidates;
    private final long seed;
    private final boolean multivariate;

    TpeSampler(SamplingSpace space, int trials, int startup, int candidates, boolean multivariate, long seed) {
        this.space = space;
        this.multivariate = multivariate;
        this.trials = trials;
        this.startup = startup;
        this.candidates = candidates;
        this.seed = seed;
    }

    @Override
    public int planned() {
        return trials;
    }

    @Override
    public Suggestion suggest(int number, SamplerHistory history) {
        Random random = TrialRandom.of(seed, number);
        List<Observation> scored = Ranking.scored(history, number);
        List<Integer> saw = Ranking.saw(history, number);
        if (scored.size() < startup) {
            return new Suggestion(space.conditions().activeOnly(UniformDraw.of(space.specs(), random)), "startup", saw);
        }
        List<Observation> ranked = Ranking.bestFirst(history, number);
        int below = Math.min((int) Math.ceil(0.1 * scored.size()), 25);
        List<Observation> good = ranked.subList(0, below);
        List<Observation> bad = ranked.subList(below, ranked.size());
        Map<String, Object> joint = multivariate ? bestJointly(good, bad, random) : Map.of();
        Map<String, Object> candidate = new LinkedHashMap<>();
        space.specs().forEach((key, spec) -> candidate.put(key, spec.isFixed() ? UniformDraw.value(spec, random)
                : joint.containsKey(key) ? joint.get(key) : bestOf(key, spec, good, bad, random)));
        return new Suggestion(space.conditions().activeOnly(candidate), "model", saw);
    }

    /** The searched, unconditional parameters drawn together: of the draws from l, the one that maximizes l / g. */
    private Map<String, Object> bestJointly(List<Observation> good, List<Observation> bad, Random random) {
        List<String> keys = space.specs().entrySet().stream()
                .filter(e -> !e.getValue().isFixed() && !space.conditions().isConditional(e.getKey())).map(Map.Entry::getKey).toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        JointParzenEstimator below = new JointParzenEstimator(keys, space.specs(), jointValues(keys, good));
        JointParzenEstimator above = new JointParzenEstimator(keys, space.specs(), jointValues(keys, bad));
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            double[] x = below.sample(random);
            double score = below.logDensity(x) - above.logDensity(x);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int d = 0; d < keys.size(); d++) {
            ParameterSpec spec = space.specs().get(keys.get(d));
            values.put(keys.get(d), spec instanceof ParameterSpec.Choice c ? c.values().get((int) best[d])
                    : NumericScale.of(spec).toValue(best[d]));
        }
        return values;
    }

    /** The trials that have every key, in trial order. */
    private static List<Map<String, Object>> jointValues(List<String> keys, List<Observation> trials) {
        return trials.stream().sorted(Comparator.comparingInt(Observation::number))
                .filter(t -> t.values().keySet().containsAll(keys)).map(Observation::values).toList();
    }

    private Object bestOf(String key, ParameterSpec spec, List<Observation> good, List<Observation> bad, Random random) {
        List<Object> l = valuesOf(key, good);
        List<Object> g = valuesOf(key, bad);
        if (spec instanceof ParameterSpec.Choice choice) {
            return choice.values().get(bestChoice(choice.values(), l, g, random));
        }
        NumericScale scale = NumericScale.of(spec);
        ParzenEstimator below = estimator(l, scale);
        ParzenEstimator above = estimator(g, scale);
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            double x = below.sample(random);
            double score = below.logDensity(x) - above.logDensity(x);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return scale.toValue(best);
    }

    private static ParzenEstimator estimator(List<Object> values, NumericScale scale) {
        List<Double> xs = values.stream().map(v -> scale.toInternal(((Number) v).doubleValue())).toList();
        return new ParzenEstimator(xs, ParzenEstimator.weightsFor(xs.size()), scale.low(), scale.high());
    }

    private int bestChoice(List<Object> choices, List<Object> l, List<Object> g, Random random) {
        double[] pl = choiceDensity(choices, l);
        double[] pg = choiceDensity(choices, g);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            double u = random.nextDouble();
            int c = 0;
            for (double acc = pl[0]; acc < u && c < pl.length - 1; acc += pl[++c]) {
                // walk to the category u falls in
            }
            double score = Math.log(pl[c]) - Math.log(pg[c]);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Optuna's categorical estimator: the prior's weight spread evenly, plus one per observation of each value. */
    private static double[] choiceDensity(List<Object> choices, List<Object> observed) {
        double[] p = new double[choices.size()];
        java.util.Arrays.fill(p, 1.0 / choices.size());
        List<Double> weights = ParzenEstimator.weightsFor(observed.size());
        double total = 1.0;
        for (int i = 0; i < observed.size(); i++) {
            int index = Neighbourhood.indexOf(choices, observed.get(i));
            if (index >= 0) {
                p[index] += weights.get(i);
                total += weights.get(i);
            }
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= total;
        }
        return p;
    }

    /** The trials' values of one key, in trial order, where it was active. */
    private static List<Object> valuesOf(String key, List<Observation> trials) {
        return trials.stream().sorted(Comparator.comparingInt(Observation::number))
                .filter(t -> t.values().containsKey(key)).map(t -> t.values().get(key)).toList();
    }
}
