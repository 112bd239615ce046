package dev.sweep.sample;

import org.apache.commons.math3.special.Erf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One numeric parameter's density in TPE: a mixture of Gaussians truncated to the range, one at each observation and
 * one broad prior at the middle, with Optuna's bandwidths (each kernel as wide as the larger gap to its neighbours,
 * clipped between range / min(100, n + 1) and the range). Values live in the search's own scale: logs for a log range,
 * step indices for a stepped integer range.
 */
final class ParzenEstimator {
    private static final double PRIOR_WEIGHT = 1.0;

    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;

    /** @param observationWeights of the observations, in their order (older ones may count less) */
    ParzenEstimator(List<Double> observations, List<Double> observationWeights, double low, double high) {
        this.low = low;
        this.high = high;
        int n = observations.size();
        double prior = (low + high) / 2;
        Integer[] order = new Integer[n + 1];
        double[] all = new double[n + 1];
        double[] w = new double[n + 1];
        for (int i = 0; i < n; i++) {
            all[i] = observations.get(i);
            w[i] = observationWeights.get(i);
        }
        all[n] = prior;
        w[n] = PRIOR_WEIGHT;
        for (int i = 0; i <= n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        mus = new double[n + 1];
        sigmas = new double[n + 1];
        weights = new double[n + 1];
        double range = high - low;
        double minSigma = range / Math.min(100.0, n + 1.0);
        double total = 0;
        for (int k = 0; k <= n; k++) {
            int i = order[k];
            mus[k] = all[i];
            weights[k] = w[i];
            total += w[i];
            if (i == n) {
                sigmas[k] = range;
                continue;
            }
            double left = mus[k] - (k == 0 ? low : all[order[k - 1]]);
            double right = (k == n ? high : all[order[k + 1]]) - mus[k];
            sigmas[k] = Math.max(minSigma, Math.min(range, Math.max(left, right)));
        }
        for (int k = 0; k <= n; k++) {
            weights[k] /= total;
        }
    }

    double sample(Random random) {
        double u = random.nextDouble();
        int k = 0;
        for (double acc = weights[0]; acc < u && k < weights.length - 1; acc += weights[++k]) {
            // walk to the component u falls in
        }
        for (int tries = 0; tries < 100; tries++) {
            double x = mus[k] + sigmas[k] * random.nextGaussian();
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.max(low, Math.min(high, mus[k]));
    }

    double logDensity(double x) {
        double density = 0;
        for (int k = 0; k < mus.length; k++) {
            double mass = cdf((high - mus[k]) / sigmas[k]) - cdf((low - mus[k]) / sigmas[k]);
            double z = (x - mus[k]) / sigmas[k];
            density += weights[k] * Math.exp(-0.5 * z * z) / (sigmas[k] * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-12));
        }
        return Math.log(Math.max(density, 1e-300));
    }

    private static double cdf(double z) {
        return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
    }

    /** Optuna's default weights: equal for the last 25 observations, a ramp down for older ones. */
    static List<Double> weightsFor(int n) {
        List<Double> w = new ArrayList<>();
        int ramp = Math.max(0, n - 25);
        for (int i = 0; i < n; i++) {
            w.add(i < ramp ? 1.0 / n + (1.0 - 1.0 / n) * i / Math.max(1, ramp) : 1.0);
        }
        return w;
    }
}
