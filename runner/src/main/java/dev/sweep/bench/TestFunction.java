package dev.sweep.bench;

import dev.sweep.space.ParameterSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A standard optimization test function of known minimum, over a search space as a sweep file would declare it: what
 * samplers are compared on, here and in {@code benchmarks/optuna_functions.py}, which defines the same ones.
 */
public record TestFunction(String name, Map<String, ParameterSpec> space, ToDoubleFunction<Map<String, Object>> f, double minimum) {

    public static List<TestFunction> all() {
        return List.of(branin(), hartmann6(), styblinskiTang(10), mixed());
    }

    private static double x(Map<String, Object> point, String key) {
        return ((Number) point.get(key)).doubleValue();
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]: three global minima of 0.397887. */
    static TestFunction branin() {
        Map<String, ParameterSpec> space = new LinkedHashMap<>();
        space.put("x1", new ParameterSpec.FloatRange(-5, 10, false));
        space.put("x2", new ParameterSpec.FloatRange(0, 15, false));
        return new TestFunction("branin", space, p -> {
            double x1 = x(p, "x1");
            double x2 = x(p, "x2");
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
        }, 0.397887357729739);
    }

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /** Hartmann-6 on [0, 1]^6: minimum -3.32237. */
    static TestFunction hartmann6() {
        Map<String, ParameterSpec> space = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            space.put("x" + (i + 1), new ParameterSpec.FloatRange(0, 1, false));
        }
        return new TestFunction("hartmann6", space, p -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x(p, "x" + (j + 1)) - HARTMANN_P[i][j];
                    inner += HARTMANN_A[i][j] * d * d;
                }
                sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }, -3.32236801141551);
    }

    /** Styblinski-Tang on [-5, 5]^d: minimum -39.16617 d, at every coordinate -2.903534. */
    static TestFunction styblinskiTang(int d) {
        Map<String, ParameterSpec> space = new LinkedHashMap<>();
        for (int i = 0; i < d; i++) {
            space.put("x" + (i + 1), new ParameterSpec.FloatRange(-5, 5, false));
        }
        return new TestFunction("styblinski_tang" + d, space, p -> {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double v = x(p, "x" + (i + 1));
                sum += v * v * v * v - 16 * v * v + 5 * v;
            }
            return sum / 2;
        }, -39.16616570377142 * d);
    }

    /**
     * A training-like space: a log-scaled learning rate, stepped units, a dropout and a choice of optimizer, with a
     * minimum of 0 at 10^-2.5, 160 units, dropout 0.2 and adam.
     */
    static TestFunction mixed() {
        Map<String, ParameterSpec> space = new LinkedHashMap<>();
        space.put("learning_rate", new ParameterSpec.FloatRange(1e-5, 1e-1, true));
        space.put("units", new ParameterSpec.IntRange(16, 512, 16));
        space.put("dropout", new ParameterSpec.FloatRange(0, 0.6, false));
        space.put("optimizer", new ParameterSpec.Choice(List.of("adam", "sgd", "rmsprop")));
        return new TestFunction("mixed", space, p -> {
            double lr = Math.log10(x(p, "learning_rate")) + 2.5;
            double units = (x(p, "units") - 160) / 200;
            double dropout = (x(p, "dropout") - 0.2) / 0.3;
            double optimizer = switch (p.get("optimizer").toString()) {
                case "adam" -> 0;
                case "rmsprop" -> 0.05;
                default -> 0.1;
            };
            return 0.1 * (lr * lr + units * units + dropout * dropout) + optimizer;
        }, 0.0);
    }
}
