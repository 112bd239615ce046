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
 * parameters that every trial has (the unconditional ones) are drawn together from one {@link ParzenEstimator}
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
                : joint.containsKey(key) ? joint.get(key) : bestOf(key, good, bad, random)));
        return new Suggestion(space.conditions().activeOnly(candidate), "model", saw);
    }

    /** The searched, unconditional parameters drawn together: of the draws from l, the one that maximizes l / g. */
    private Map<String, Object> bestJointly(List<Observation> good, List<Observation> bad, Random random) {
        List<String> keys = space.specs().entrySet().stream()
                .filter(e -> !e.getValue().isFixed() && !space.conditions().isConditional(e.getKey())).map(Map.Entry::getKey).toList();
        return keys.isEmpty() ? Map.of() : best(keys, good, bad, true, random);
    }

    private Object bestOf(String key, List<Observation> good, List<Observation> bad, Random random) {
        return best(List.of(key), good, bad, false, random).get(key);
    }

    /** Of {@code candidates} draws from l (the good trials' density), the one that maximizes l / g. */
    private Map<String, Object> best(List<String> keys, List<Observation> good, List<Observation> bad, boolean together,
                                     Random random) {
        List<ParameterSpec> specs = keys.stream().map(space.specs()::get).toList();
        ParzenEstimator below = new ParzenEstimator(specs, internalValues(keys, good), together);
        ParzenEstimator above = new ParzenEstimator(specs, internalValues(keys, bad), together);
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
            values.put(keys.get(d), specs.get(d) instanceof ParameterSpec.Choice c ? c.values().get((int) best[d])
                    : NumericScale.of(specs.get(d)).toValue(best[d]));
        }
        return values;
    }

    /**
     * The trials that have every key, oldest first, as the estimator's internal values (search scale, choice index);
     * a trial with a value the space no longer offers (a choice removed since) is left out.
     */
    private List<double[]> internalValues(List<String> keys, List<Observation> trials) {
        List<double[]> values = new java.util.ArrayList<>();
        trials.stream().sorted(Comparator.comparingInt(Observation::number)).filter(t -> t.values().keySet().containsAll(keys))
                .forEach(t -> {
                    double[] x = new double[keys.size()];
                    for (int d = 0; d < keys.size(); d++) {
                        ParameterSpec spec = space.specs().get(keys.get(d));
                        Object value = t.values().get(keys.get(d));
                        x[d] = spec instanceof ParameterSpec.Choice c ? Neighbourhood.indexOf(c.values(), value)
                                : NumericScale.of(spec).toInternal(((Number) value).doubleValue());
                        if (x[d] < 0 && spec instanceof ParameterSpec.Choice) {
                            return;
                        }
                    }
                    values.add(x);
                });
        return values;
    }
}
