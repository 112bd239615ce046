package dev.sweep.prune;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each pruner's rule on curves whose right answer can be worked out by hand. */
class PrunerRulesTest {

    private static History history(boolean maximize, Object... numberCurveComplete) {
        Map<Integer, History.Curve> curves = new LinkedHashMap<>();
        for (int i = 0; i < numberCurveComplete.length; i += 3) {
            @SuppressWarnings("unchecked")
            List<Double> values = (List<Double>) numberCurveComplete[i + 1];
            curves.put((Integer) numberCurveComplete[i], new History.Curve(values, (Boolean) numberCurveComplete[i + 2]));
        }
        return new History(curves, maximize);
    }

    @Test
    void medianStopsATrialWhoseBestSoFarIsBelowTheCompletedTrialsMedianAtThatEpoch() {
        History done = history(true,
                0, List.of(0.50, 0.60, 0.70), true,
                1, List.of(0.40, 0.55, 0.65), true,
                2, List.of(0.60, 0.70, 0.80), true);
        MedianPruner median = new MedianPruner(1, 3);
        // median at epoch 2 is 0.60
        assertThat(median.shouldPrune(9, 2, 0.59, done)).isTrue();
        assertThat(median.shouldPrune(9, 2, 0.60, done)).isFalse();
        assertThat(median.shouldPrune(9, 1, 0.10, done)).as("warm-up").isFalse();
        assertThat(new MedianPruner(1, 4).shouldPrune(9, 2, 0.10, done)).as("too few completed trials").isFalse();
        // its best so far counts, as Optuna's does: 0.65 at epoch 1 beats the epoch-2 median despite 0.3 now
        History withOwn = history(true, 0, List.of(0.50, 0.60, 0.70), true, 1, List.of(0.40, 0.55, 0.65), true,
                2, List.of(0.60, 0.70, 0.80), true, 9, List.of(0.65, 0.30), false);
        assertThat(median.shouldPrune(9, 2, 0.30, withOwn)).isFalse();
        // running trials do not count towards the median
        History running = history(true, 0, List.of(0.5, 0.9), false, 1, List.of(0.5, 0.1), true, 2, List.of(0.5, 0.2), true,
                3, List.of(0.5, 0.3), true);
        // completed trials' median at epoch 2 is 0.2; counting the running 0.9 would make it 0.25 and stop 0.22
        assertThat(median.shouldPrune(9, 2, 0.22, running)).isFalse();
        assertThat(median.shouldPrune(9, 2, 0.18, running)).isTrue();
        assertThat(new MedianPruner(1, 3).shouldPrune(9, 2, 0.9, history(false, 0, List.of(1.0, 0.5), true,
                1, List.of(1.0, 0.4), true, 2, List.of(1.0, 0.6), true))).as("losses: lower is better").isTrue();
    }

    @Test
    void ashaKeepsTheTopThirdAtEachRungWithoutWaitingForTheRungToFill() {
        AshaPruner asha = new AshaPruner(1, 3);
        assertThat(List.of(1, 3, 9, 27)).allMatch(asha::isRung);
        assertThat(List.of(2, 4, 8, 10)).noneMatch(asha::isRung);
        History empty = history(true);
        assertThat(asha.shouldPrune(0, 1, 0.5, empty)).as("first at a rung goes on").isFalse();
        History one = history(true, 0, List.of(0.5), false);
        assertThat(asha.shouldPrune(1, 1, 0.4, one)).as("below the only other value, before the rung has 3").isTrue();
        assertThat(asha.shouldPrune(1, 1, 0.6, one)).isFalse();
        History five = history(true, 0, List.of(0.9), true, 1, List.of(0.8), true, 2, List.of(0.7), true,
                3, List.of(0.6), true, 4, List.of(0.5), true);
        // six values at rung 1: the top 6/3 = 2 go on, so 0.85 (second) goes on and 0.75 (third) stops
        assertThat(asha.shouldPrune(5, 1, 0.85, five)).isFalse();
        assertThat(asha.shouldPrune(5, 1, 0.75, five)).isTrue();
        assertThat(asha.shouldPrune(5, 2, 0.0, five)).as("epoch 2 is no rung").isFalse();
    }

    @Test
    void hyperbandGivesEachBracketItsShareOfThePaperAndMostToTheAggressiveOnes() {
        HyperbandPruner hyperband = new HyperbandPruner(1, 3, 9);
        assertThat(hyperband.brackets()).isEqualTo(3); // first rungs at 1, 3 and 9 epochs
        int[] counts = new int[3];
        for (int trial = 0; trial < 34; trial++) {
            counts[hyperband.bracketOf(trial)]++;
        }
        assertThat(counts).as("two cycles of ceil(3 * 3^s / (s + 1))").containsExactly(18, 10, 6);
        List<Integer> firstSix = List.of(0, 1, 2, 3, 4, 5).stream().map(hyperband::bracketOf).toList();
        assertThat(firstSix).as("the brackets interleave").contains(0, 1, 2);
        assertThat(hyperband.describe()).contains("sharing the trials 9:5:3");
    }

    @Test
    void hyperbandSplitsTrialsIntoBracketsThatOnlyCompeteWithinThemselves() {
        HyperbandPruner hyperband = new HyperbandPruner(1, 3, 9);
        List<Integer> bracketZero = java.util.stream.IntStream.range(0, 17).filter(t -> hyperband.bracketOf(t) == 0).boxed().toList();
        int one = java.util.stream.IntStream.range(0, 17).filter(t -> hyperband.bracketOf(t) == 1).findFirst().orElseThrow();
        int first = bracketZero.get(0);
        int second = bracketZero.get(1);
        assertThat(hyperband.competesWith(second, first)).isTrue();
        assertThat(hyperband.competesWith(second, one)).isFalse();
        History history = history(true, first, List.of(0.9), true, one, List.of(0.95), true);
        // the second trial of bracket 0 meets only the first at epoch 1; the 0.95 is another bracket's
        assertThat(hyperband.shouldPrune(second, 1, 0.91, history)).isFalse();
        assertThat(hyperband.shouldPrune(second, 1, 0.85, history)).isTrue();
        // bracket 1 starts at epoch 3: nothing is pruned at epoch 1
        int anotherOne = java.util.stream.IntStream.range(one + 1, 34).filter(t -> hyperband.bracketOf(t) == 1).findFirst().orElseThrow();
        assertThat(hyperband.shouldPrune(anotherOne, 1, 0.0, history)).isFalse();
    }
}
