package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;
import org.apache.commons.math3.special.Erf;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multivariate TPE's density (Falkner et al. 2018, as Optuna's {@code multivariate=True}): a mixture with one
 * component per observation, each a product over the parameters of a kernel at that observation's value, and a broad
 * prior component; so a draw keeps the parameters of one good trial together instead of mixing values of several.
 * Numeric kernels are Gaussians truncated to the range in the search scale, with Scott's bandwidth as Optuna's
 * (0.2 * n^(-1/(d+4)) of the range); a choice's kernel puts most of its weight on the observed value.
 */
final class JointParzenEstimator {
    private static final double PRIOR_WEIGHT = 1.0;
    private static final double SIGMA0 = 0.2;

    private final List<String> keys;
    private final Map<String, ParameterSpec> specs;
    /** Per component and key: a numeric kernel's centre in the search scale, or a choice's index; NaN for the prior. */
    private final double[][] centres;
    private final double[] sigmas;
    private final double[] logWeights;
    private final double[] weights;
    private final int n;

    /** @param observations each with a value for every key, oldest first */
    JointParzenEstimator(List<String> keys, Map<String, ParameterSpec> specs, List<Map<String, Object>> observations) {
        this.keys = List.copyOf(keys);
        this.specs = specs;
        this.n = observations.size();
        centres = new double[n + 1][keys.size()];
        sigmas = new double[keys.size()];
        for (int d = 0; d < keys.size(); d++) {
            ParameterSpec spec = specs.get(keys.get(d));
            if (!(spec instanceof ParameterSpec.Choice)) {
                NumericScale scale = NumericScale.of(spec);
                sigmas[d] = SIGMA0 * Math.pow(Math.max(n, 1), -1.0 / (keys.size() + 4)) * (scale.high() - scale.low());
            }
            for (int i = 0; i < n; i++) {
                Object value = observations.get(i).get(keys.get(d));
                centres[i][d] = spec instanceof ParameterSpec.Choice c ? Neighbourhood.indexOf(c.values(), value)
                        : NumericScale.of(spec).toInternal(((Number) value).doubleValue());
            }
            centres[n][d] = Double.NaN;
        }
        List<Double> w = ParzenEstimator.weightsFor(n);
        weights = new double[n + 1];
        double total = PRIOR_WEIGHT;
        for (int i = 0; i < n; i++) {
            weights[i] = w.get(i);
            total += w.get(i);
        }
        weights[n] = PRIOR_WEIGHT;
        logWeights = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            weights[k] /= total;
            logWeights[k] = Math.log(weights[k]);
        }
    }

    /** One draw, as internal values (search scale, or a choice's index) in the order of the keys. */
    double[] sample(Random random) {
        double u = random.nextDouble();
        int k = 0;
        for (double acc = weights[0]; acc < u && k < weights.length - 1; acc += weights[++k]) {
            // walk to the component u falls in
        }
        double[] x = new double[keys.size()];
        for (int d = 0; d < keys.size(); d++) {
            ParameterSpec spec = specs.get(keys.get(d));
            if (spec instanceof ParameterSpec.Choice c) {
                double[] p = choiceKernel(c.values().size(), centres[k][d]);
                double v = random.nextDouble();
                int index = 0;
                for (double acc = p[0]; acc < v && index < p.length - 1; acc += p[++index]) {
                    // walk to the choice v falls in
                }
                x[d] = index;
            } else {
                NumericScale scale = NumericScale.of(spec);
                double centre = Double.isNaN(centres[k][d]) ? (scale.low() + scale.high()) / 2 : centres[k][d];
                double sigma = Double.isNaN(centres[k][d]) ? scale.high() - scale.low() : sigmas[d];
                x[d] = truncatedDraw(centre, sigma, scale, random);
            }
        }
        return x;
    }

    double logDensity(double[] x) {
        double[] terms = new double[n + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= n; k++) {
            double log = logWeights[k];
            for (int d = 0; d < keys.size(); d++) {
                ParameterSpec spec = specs.get(keys.get(d));
                if (spec instanceof ParameterSpec.Choice c) {
                    log += Math.log(choiceKernel(c.values().size(), centres[k][d])[(int) x[d]]);
                } else {
                    NumericScale scale = NumericScale.of(spec);
                    boolean prior = Double.isNaN(centres[k][d]);
                    log += logTruncatedNormal(x[d], prior ? (scale.low() + scale.high()) / 2 : centres[k][d],
                            prior ? scale.high() - scale.low() : sigmas[d], scale);
                }
            }
            terms[k] = log;
            max = Math.max(max, log);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    /** Optuna's categorical kernel: the prior's weight spread over the choices, plus one on the observed one. */
    private double[] choiceKernel(int choices, double observed) {
        double[] p = new double[choices];
        if (Double.isNaN(observed) || observed < 0) {
            java.util.Arrays.fill(p, 1.0 / choices);
            return p;
        }
        double spread = PRIOR_WEIGHT / Math.max(n, 1);
        java.util.Arrays.fill(p, spread / (1 + spread * choices));
        p[(int) observed] += 1 / (1 + spread * choices);
        return p;
    }

    private static double truncatedDraw(double centre, double sigma, NumericScale scale, Random random) {
        for (int tries = 0; tries < 100; tries++) {
            double x = centre + sigma * random.nextGaussian();
            if (x >= scale.low() && x <= scale.high()) {
                return x;
            }
        }
        return Math.max(scale.low(), Math.min(scale.high(), centre));
    }

    private static double logTruncatedNormal(double x, double centre, double sigma, NumericScale scale) {
        double mass = cdf((scale.high() - centre) / sigma) - cdf((scale.low() - centre) / sigma);
        double z = (x - centre) / sigma;
        return -0.5 * z * z - Math.log(sigma * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-12));
    }

    private static double cdf(double z) {
        return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
    }
}
