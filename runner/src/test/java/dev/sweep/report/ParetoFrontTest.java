package dev.sweep.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParetoFrontTest {
    private static ParetoFront.Point p(double size, double objective) {
        return new ParetoFront.Point(size, objective);
    }

    @Test
    void keepsOnlyTheTrialsThatNoSmallerOneMatchesWhenMaximizing() {
        List<ParetoFront.Point> points = List.of(p(300, 0.99), p(100, 0.97), p(100, 0.93), p(200, 0.96), p(400, 0.98), p(300, 0.95));
        assertThat(ParetoFront.of(points, true)).containsExactly(p(100, 0.97), p(300, 0.99));
    }

    @Test
    void keepsTheLowestLossAtEachSizeWhenMinimizing() {
        List<ParetoFront.Point> points = List.of(p(100, 0.30), p(100, 0.20), p(200, 0.25), p(300, 0.10));
        assertThat(ParetoFront.of(points, false)).containsExactly(p(100, 0.20), p(300, 0.10));
    }
}
