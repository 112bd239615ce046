package dev.sweep.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each test function takes its published minimum at its published minimizer, so that a regret of 0 means found. */
class TestFunctionTest {
    private static Map<String, Object> point(double... x) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            p.put("x" + (i + 1), x[i]);
        }
        return p;
    }

    private static double at(TestFunction f, Map<String, Object> p) {
        return f.f().applyAsDouble(p);
    }

    @Test
    void eachFunctionTakesItsMinimumAtItsMinimizerAndNothingLowerNearby() {
        TestFunction branin = TestFunction.branin();
        assertThat(at(branin, point(Math.PI, 2.275))).isCloseTo(branin.minimum(), within(1e-6));
        assertThat(at(branin, point(-Math.PI, 12.275))).isCloseTo(branin.minimum(), within(1e-6));
        TestFunction hartmann = TestFunction.hartmann6();
        assertThat(at(hartmann, point(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573))).isCloseTo(hartmann.minimum(), within(1e-5));
        TestFunction st = TestFunction.styblinskiTang(10);
        double[] x = new double[10];
        java.util.Arrays.fill(x, -2.903534);
        assertThat(at(st, point(x))).isCloseTo(st.minimum(), within(1e-4));
        x[3] = -2.8;
        assertThat(at(st, point(x))).isGreaterThan(st.minimum());
        TestFunction mixed = TestFunction.mixed();
        assertThat(at(mixed, Map.of("learning_rate", Math.pow(10, -2.5), "units", 160, "dropout", 0.2, "optimizer", "adam")))
                .isCloseTo(0.0, within(1e-12));
        assertThat(at(mixed, Map.of("learning_rate", Math.pow(10, -2.5), "units", 160, "dropout", 0.2, "optimizer", "sgd")))
                .isCloseTo(0.1, within(1e-12));
    }
}
