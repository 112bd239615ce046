package dev.sweep.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrialRandomTest {
    /** java.util.Random seeded seed * 1,000,003 + n drew 0.3734..0.3745 for trials 0..9 of seed 1. */
    @Test
    void theFirstDrawsOfNeighbouringTrialsAreUniformNotStuck() {
        for (long seed : new long[]{1, 42}) {
            int[] bins = new int[10];
            int trials = 500;
            for (int n = 0; n < trials; n++) {
                bins[(int) (TrialRandom.of(seed, n).nextDouble() * 10)]++;
            }
            double chiSquare = 0;
            for (int b : bins) {
                chiSquare += Math.pow(b - trials / 10.0, 2) / (trials / 10.0);
            }
            assertThat(chiSquare).as("chi-square, 9 degrees of freedom, 0.1%% level; bins %s", java.util.Arrays.toString(bins))
                    .isLessThan(27.88);
        }
    }
}
