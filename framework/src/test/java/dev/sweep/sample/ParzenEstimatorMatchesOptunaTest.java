package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * TPE's densities are Optuna's: on the same observations, Sweep's Parzen estimator gives the log densities that Optuna
 * 3.1's {@code _ParzenEstimator} gives with TPESampler's defaults. The expected numbers were printed by
 * {@code src/test/python/parzen_reference.py} (Debian's python3-optuna) with Optuna 3.5's fix of a continuous kernel's
 * log density (3.1 left out its width's -log sigma); each case names the rule it pins down.
 */
class ParzenEstimatorMatchesOptunaTest {
    private static final double TOLERANCE = 1e-9;

    private static List<double[]> rows(int n, IntFunction<double[]> row) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row.apply(i));
        }
        return rows;
    }

    private static void assertLogDensities(ParzenEstimator estimator, List<double[]> points, double... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(estimator.logDensity(points.get(i))).as("log density at point %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static List<double[]> one(double... values) {
        return rows(values.length, i -> new double[] {values[i]});
    }

    @Test
    void theOutermostKernelsAreAsWideAsTheirInnerGapAndNoKernelNarrowerThanTheRangeOverNPlusTwo() {
        ParameterSpec x = new ParameterSpec.FloatRange(0, 10, false);
        ParzenEstimator estimator = new ParzenEstimator(List.of(x), one(2.0, 2.5, 7.0), false);
        assertLogDensities(estimator, one(0.5, 2.2, 5.0, 9.9), -2.272647328963081, -2.008604600659079, -2.239468838934723,
                -3.160626054772225);
    }

    @Test
    void aLogRangeIsModelledOnItsLogarithm() {
        ParameterSpec x = new ParameterSpec.FloatRange(1e-4, 1e-1, true);
        NumericScale scale = NumericScale.of(x);
        ParzenEstimator estimator = new ParzenEstimator(List.of(x),
                one(scale.toInternal(1e-3), scale.toInternal(3e-3), scale.toInternal(5e-2)), false);
        assertLogDensities(estimator, one(scale.toInternal(2e-4), scale.toInternal(2e-3), scale.toInternal(1e-2), scale.toInternal(9e-2)),
                -2.3824032628942726, -1.5812661081712038, -1.8449267474938502, -2.3268244374697047);
    }

    @Test
    void aSteppedIntRangeIsScoredByTheMassOfEachWholeStep() {
        ParameterSpec x = new ParameterSpec.IntRange(32, 256, 32);
        NumericScale scale = NumericScale.of(x);
        ParzenEstimator estimator = new ParzenEstimator(List.of(x), one(scale.toInternal(64), scale.toInternal(64), scale.toInternal(224)),
                false);
        assertLogDensities(estimator, one(scale.toInternal(32), scale.toInternal(64), scale.toInternal(96), scale.toInternal(256)),
                -1.930699145612397, -1.7846086857882328, -1.8339367858309092, -2.4811969079842315);
    }

    @Test
    void aSteppedFloatRangeIsScoredByTheMassOfEachWholeStep() {
        ParameterSpec x = new ParameterSpec.FloatRange(0, 0.3, false, 0.05);
        NumericScale scale = NumericScale.of(x);
        ParzenEstimator estimator = new ParzenEstimator(List.of(x), one(scale.toInternal(0.1), scale.toInternal(0.15)), false);
        assertLogDensities(estimator, one(scale.toInternal(0.0), scale.toInternal(0.1), scale.toInternal(0.2), scale.toInternal(0.3)),
                -2.2325466407134504, -1.620998136478396, -1.8369291853479164, -2.65301275015974);
    }

    @Test
    void aChoiceSpreadsOneOverNPlusOneOverItsValuesBesideEachObservation() {
        ParameterSpec x = new ParameterSpec.Choice(List.of("a", "b", "c"));
        ParzenEstimator estimator = new ParzenEstimator(List.of(x), one(0, 0, 2), false);
        assertLogDensities(estimator, one(0, 1, 2), -0.7419373447293773, -1.6582280766035324, -1.0986122886681098);
    }

    @Test
    void withNoObservationsOnlyThePriorRemains() {
        ParzenEstimator estimator = new ParzenEstimator(List.of(new ParameterSpec.FloatRange(0, 1, false)), List.of(), false);
        assertLogDensities(estimator, one(0.1, 0.5), -0.039022199509050504, 0.04097780049094957);
    }

    @Test
    void observationsOlderThanTheLastTwentyFiveWeighFromOneOverNUpToOne() {
        ParzenEstimator estimator = new ParzenEstimator(List.of(new ParameterSpec.FloatRange(0, 1, false)),
                rows(30, i -> new double[] {((i * 7) % 30) / 30.0 + 0.01}), false);
        assertLogDensities(estimator, one(0.05, 0.33, 0.8), -0.10846337192246358, 0.07245109450933618, 0.07860430134958185);
        assertThat(ParzenEstimator.observationWeights(30)).containsExactly(1.0 / 30, 1.0 / 30 + (1 - 1.0 / 30) / 4,
                1.0 / 30 + (1 - 1.0 / 30) / 2, 1.0 / 30 + (1 - 1.0 / 30) * 3 / 4, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void parametersDrawnTogetherShareScottsBandwidthClippedLikeOneAlone() {
        ParameterSpec x = new ParameterSpec.FloatRange(0, 1, false);
        ParameterSpec y = new ParameterSpec.FloatRange(1e-3, 1, true);
        ParameterSpec c = new ParameterSpec.Choice(List.of("a", "b", "c"));
        ParameterSpec k = new ParameterSpec.IntRange(1, 5, 1);
        NumericScale ys = NumericScale.of(y);
        NumericScale ks = NumericScale.of(k);
        double[][] observed = {{0.1, 0.01, 0, 1}, {0.4, 0.02, 1, 2}, {0.45, 0.5, 1, 5}, {0.9, 0.003, 2, 3}, {0.2, 0.1, 0, 3}};
        double[][] at = {{0.3, 0.05, 1, 2}, {0.95, 0.002, 2, 5}, {0.0, 1.0, 0, 1}};
        List<double[]> observations = rows(observed.length, i -> new double[] {observed[i][0], ys.toInternal(observed[i][1]), observed[i][2],
                ks.toInternal(observed[i][3])});
        List<double[]> points = rows(at.length, i -> new double[] {at[i][0], ys.toInternal(at[i][1]), at[i][2], ks.toInternal(at[i][3])});
        ParzenEstimator estimator = new ParzenEstimator(List.of(x, y, c, k), observations, true);
        assertLogDensities(estimator, points, -3.2694887542250823, -5.0067030941879915, -6.45547526001079);
    }
}
