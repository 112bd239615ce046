package dev.sweep.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RocAucTest {
    @Test
    void perfectlySeparatedScoresGiveOneAndReversedGiveZero() {
        boolean[] positive = {false, false, true, true};
        assertThat(RocAuc.auc(new float[]{0.1f, 0.2f, 0.8f, 0.9f}, positive)).isEqualTo(1.0);
        assertThat(RocAuc.auc(new float[]{0.9f, 0.8f, 0.2f, 0.1f}, positive)).isEqualTo(0.0);
    }

    @Test
    void tiedScoresCountAsHalf() {
        assertThat(RocAuc.auc(new float[]{0.5f, 0.5f, 0.5f, 0.5f}, new boolean[]{false, true, false, true})).isEqualTo(0.5);
    }

    @Test
    void matchesThePairCountingDefinition() {
        // positives 0.35, 0.8 ; negatives 0.1, 0.4, 0.9 -> pairs won: (0.35>0.1) + (0.8>0.1, 0.8>0.4) = 3 of 6
        float[] scores = {0.1f, 0.35f, 0.4f, 0.8f, 0.9f};
        boolean[] positive = {false, true, false, true, false};
        assertThat(RocAuc.auc(scores, positive)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void macroF1AveragesThePerClassScores() {
        int[][] confusion = {{8, 2}, {0, 10}};
        // class 0: 2*8/(10+8) = 0.888..., class 1: 2*10/(10+12) = 0.909...
        assertThat(Evaluator.macroF1(confusion)).isCloseTo((16.0 / 18 + 20.0 / 22) / 2, within(1e-12));
    }
}
