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
 * {@code src/test/python/parzen_reference.py} with Debian's python3-optuna 3.1, whose continuous kernels leave their
 * width out of the log density, as Sweep's do on purpose; each case names the rule it pins down.
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
        assertLogDensities(estimator, one(0.5, 2.2, 5.0, 9.9), -0.8876464845665437, -0.7086999608767914, -0.8305740705199505,
                -1.3097400040009823);
    }

    @Test
    void aLogRangeIsModelledOnItsLogarithm() {
        ParameterSpec x = new ParameterSpec.FloatRange(1e-4, 1e-1, true);
        NumericScale scale = NumericScale.of(x);
        ParzenEstimator estimator = new ParzenEstimator(List.of(x),
                one(scale.toInternal(1e-3), scale.toInternal(3e-3), scale.toInternal(5e-2)), false);
        assertLogDensities(estimator, one(scale.toInternal(2e-4), scale.toInternal(2e-3), scale.toInternal(1e-2), scale.toInternal(9e-2)),
                -1.1043766633830518, -0.625241600697916, -0.7022845795754025, -0.9085629616817144);
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
        assertLogDensities(estimator, one(0.05, 0.33, 0.8), -2.7846912161409514, -2.6512010946631834, -2.662942617276739);
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
        assertLogDensities(estimator, points, -3.9775843084459237, -4.542962969258121, -4.702839986700391);
    }
}
