package dev.sweep.sample;

import dev.sweep.store.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bayesian optimization with a Gaussian process and expected improvement (Snoek et al., NeurIPS 2012; Keras Tuner's
 * {@code BayesianOptimization}, W&B's {@code bayes}): random startup trials, then a {@link GaussianProcess} of the
 * objective over the {@link UnitEncoding} of the trials, and of {@code candidates} points (uniform draws, and moves
 * around the five best trials) the one of largest expected improvement over the best value so far plus {@code xi}
 * standard deviations of the objective.
 *
 * <p>A pruned trial counts by the value it reached, but never above the worst complete trial: its value is an early
 * one, and with a loss an early value can be lower than a finished trial's, which would lure the search to where the
 * pruner stopped trials. Failed and running trials count as the worst value seen (a constant liar), so that the
 * model neither returns to a failure's neighbourhood nor proposes a draw already in flight.
 */
final class GaussianProcessSampler implements Sampler {
    private static final int AROUND_BEST = 5;

    private final SamplingSpace space;
    private final int trials;
    private final int startup;
    private final int candidates;
    private final double xi;
    private final long seed;
    private final UnitEncoding encoding;
    private final Neighbourhood neighbourhood;

    GaussianProcessSampler(SamplingSpace space, int trials, int startup, int candidates, double xi, long seed) {
        this.space = space;
        this.trials = trials;
        this.startup = startup;
        this.candidates = candidates;
        this.xi = xi;
        this.seed = seed;
        this.encoding = new UnitEncoding(space);
        this.neighbourhood = new Neighbourhood(space);
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
        if (scored.size() < Math.max(1, startup) || encoding.width() == 0) {
            return new Suggestion(space.conditions().activeOnly(UniformDraw.of(space.specs(), random)), "startup", saw);
        }
        double sign = history.maximize() ? 1 : -1;
        double worst = scored.stream().mapToDouble(t -> sign * t.objective()).min().orElseThrow();
        double worstComplete = scored.stream().filter(t -> t.state() == TrialState.COMPLETE).mapToDouble(t -> sign * t.objective())
                .min().orElse(Double.POSITIVE_INFINITY);
        List<Observation> ranked = Ranking.bestFirst(history, number);
        double[][] x = new double[ranked.size()][];
        double[] y = new double[ranked.size()];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ranked.size(); i++) {
            Observation t = ranked.get(i);
            x[i] = encoding.encode(t.values());
            if (t.state() == TrialState.COMPLETE && t.objective() != null) {
                y[i] = sign * t.objective();
                best = Math.max(best, y[i]);
            } else if (t.state() == TrialState.PRUNED && t.objective() != null) {
                y[i] = Math.min(sign * t.objective(), worstComplete);
            } else {
                y[i] = worst;
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            best = scored.stream().mapToDouble(t -> sign * t.objective()).max().orElseThrow();
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        Map<String, Object> chosen = null;
        double chosenGain = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> candidate : candidates(ranked, scored.size(), random)) {
            if (Neighbourhood.alreadyTried(candidate, history.trials())) {
                continue;
            }
            double gain = expectedImprovement(gp.predict(encoding.encode(candidate)), best + xi * gp.targetScale());
            if (gain > chosenGain) {
                chosenGain = gain;
                chosen = candidate;
            }
        }
        if (chosen == null) {
            chosen = space.conditions().activeOnly(UniformDraw.of(space.specs(), random));
        }
        return new Suggestion(chosen, "model", saw);
    }

    private List<Map<String, Object>> candidates(List<Observation> ranked, int scored, Random random) {
        List<Map<String, Object>> out = new ArrayList<>(candidates);
        int around = Math.min(AROUND_BEST, scored);
        int local = candidates / 2;
        for (int i = 0; i < local; i++) {
            Map<String, Object> base = ranked.get(i % around).values();
            out.add(neighbourhood.perturb(base, 0.5, 0.1, random));
        }
        while (out.size() < candidates) {
            out.add(space.conditions().activeOnly(UniformDraw.of(space.specs(), random)));
        }
        return out;
    }

    /** Over {@code target}: the best value plus the exploration margin. */
    private static double expectedImprovement(double[] prediction, double target) {
        double mu = prediction[0];
        double sigma = prediction[1];
        double z = (mu - target) / sigma;
        return (mu - target) * cdf(z) + sigma * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    private static double cdf(double z) {
        return 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2));
    }
}
