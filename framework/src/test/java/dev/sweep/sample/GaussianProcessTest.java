package dev.sweep.sample;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GaussianProcessTest {
    /**
     * Expected improvement weighs the objective's uncertainty, not the noise of one more measurement of it: on noisy
     * observations, the spread at a point already measured many times around is below the noise the fit found.
     */
    @Test
    void theSpreadAtAMeasuredPointIsTheObjectivesUncertaintyWithoutTheObservationNoise() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 40;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i / (n - 1.0)};
            y[i] = Math.sin(3 * x[i][0]) + 0.3 * random.nextGaussian();
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        assertThat(gp.noise()).as("the fit sees the noise").isGreaterThanOrEqualTo(1e-2);
        double sd = gp.predict(x[n / 2])[1] / gp.targetScale();
        assertThat(sd * sd).as("the standardized variance at a measured point, against the noise %s", gp.noise())
                .isLessThan(gp.noise());
    }
}
