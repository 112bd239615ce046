package dev.sweep.sample;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

import java.util.Arrays;

/**
 * A Gaussian-process regression on points of the unit cube, with a Matérn 5/2 kernel and one length scale per
 * dimension (automatic relevance determination). The targets are standardized; the length scales and the noise are
 * chosen by the largest marginal likelihood under a log-normal prior on each length scale (a MAP estimate), found on a
 * grid: first one scale for all dimensions, then each dimension's own in turn. A grid rather than gradient steps keeps
 * the fit deterministic and free of restarts, and with tens of trials it costs milliseconds.
 */
final class GaussianProcess {
    private static final double[] SCALES = {0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2};
    private static final double[] NOISES = {1e-6, 1e-4, 1e-2, 1e-1};
    /** The prior's centre and width on log length scale: most of the mass between a tenth and twice the cube's side. */
    private static final double PRIOR_SCALE = 0.5;
    private static final double PRIOR_WIDTH = 1.0;

    private final double[][] x;
    private final double mean;
    private final double sd;
    private final double[] lengths;
    private final double noise;
    private final CholeskyDecomposition cholesky;
    private final RealVector alpha;

    private GaussianProcess(double[][] x, double mean, double sd, double[] lengths, double noise, CholeskyDecomposition cholesky,
                            RealVector alpha) {
        this.x = x;
        this.mean = mean;
        this.sd = sd;
        this.lengths = lengths;
        this.noise = noise;
        this.cholesky = cholesky;
        this.alpha = alpha;
    }

    static GaussianProcess fit(double[][] x, double[] y) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double sd = n > 1 && var > 0 ? Math.sqrt(var / n) : 1.0;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / sd;
        }
        int d = x.length == 0 ? 0 : x[0].length;
        double[] lengths = new double[d];
        double bestNoise = NOISES[0];
        double bestScale = SCALES[0];
        double best = Double.NEGATIVE_INFINITY;
        for (double scale : SCALES) {
            for (double noise : NOISES) {
                Arrays.fill(lengths, scale);
                double score = logPosterior(x, z, lengths, noise);
                if (score > best) {
                    best = score;
                    bestNoise = noise;
                    bestScale = scale;
                }
            }
        }
        Arrays.fill(lengths, bestScale);
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < d; j++) {
                double keep = lengths[j];
                for (double scale : SCALES) {
                    lengths[j] = scale;
                    double score = logPosterior(x, z, lengths, bestNoise);
                    if (score > best) {
                        best = score;
                        keep = scale;
                    }
                }
                lengths[j] = keep;
            }
        }
        CholeskyDecomposition cholesky = factor(x, lengths, bestNoise);
        RealVector alpha = cholesky.getSolver().solve(MatrixUtils.createRealVector(z));
        return new GaussianProcess(x, mean, sd, lengths.clone(), bestNoise, cholesky, alpha);
    }

    /** The targets' standard deviation: the unit of exploration margins. */
    double targetScale() {
        return sd;
    }

    /** The observation noise the fit chose, as a share of the standardized targets' variance. */
    double noise() {
        return noise;
    }

    /**
     * The posterior mean and standard deviation of the objective itself at a point, in the targets' own units: the
     * observation noise is left out, so that a point already measured is not worth measuring again for the noise alone.
     */
    double[] predict(double[] point) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kernel(point, x[i], lengths);
        }
        RealVector kv = MatrixUtils.createRealVector(k);
        double mu = kv.dotProduct(alpha);
        RealVector v = kv.copy();
        MatrixUtils.solveLowerTriangularSystem(cholesky.getL(), v);
        double variance = Math.max(1e-12, 1.0 - v.dotProduct(v));
        return new double[]{mean + sd * mu, sd * Math.sqrt(variance)};
    }

    private static double logPosterior(double[][] x, double[] z, double[] lengths, double noise) {
        CholeskyDecomposition cholesky;
        try {
            cholesky = factor(x, lengths, noise);
        } catch (RuntimeException notPositiveDefinite) {
            return Double.NEGATIVE_INFINITY;
        }
        RealVector alpha = cholesky.getSolver().solve(MatrixUtils.createRealVector(z));
        double fit = -0.5 * MatrixUtils.createRealVector(z).dotProduct(alpha);
        RealMatrix l = cholesky.getL();
        double logDet = 0;
        for (int i = 0; i < z.length; i++) {
            logDet += Math.log(l.getEntry(i, i));
        }
        double prior = 0;
        for (double length : lengths) {
            double u = Math.log(length / PRIOR_SCALE) / PRIOR_WIDTH;
            prior -= 0.5 * u * u;
        }
        return fit - logDet + prior;
    }

    private static CholeskyDecomposition factor(double[][] x, double[] lengths, double noise) {
        int n = x.length;
        RealMatrix k = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], lengths) + (i == j ? noise : 0);
                k.setEntry(i, j, v);
                k.setEntry(j, i, v);
            }
        }
        return new CholeskyDecomposition(k, 1e-10, 1e-14);
    }

    /** Matérn 5/2 with unit variance. */
    private static double kernel(double[] a, double[] b, double[] lengths) {
        double r2 = 0;
        for (int j = 0; j < a.length; j++) {
            double u = (a[j] - b[j]) / lengths[j];
            r2 += u * u;
        }
        double r = Math.sqrt(5 * r2);
        return (1 + r + 5 * r2 / 3) * Math.exp(-r);
    }
}
