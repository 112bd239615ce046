package dev.sweep.testkit;

import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

import java.util.ArrayList;
import java.util.List;

/**
 * The goodness-of-fit tests the sampler contract applies to draws, each as the p-value of the hypothesis that the draws
 * are fair: Kolmogorov-Smirnov against the uniform for values in [0, 1], chi-square for counts of levels and for tables
 * of two parameters' levels (independence).
 */
final class DrawStatistics {
    private DrawStatistics() {
    }

    /** Of values scaled to [0, 1], that they are uniform there. */
    static double uniformity(double[] unit) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), unit, false);
    }

    /** Of levels 0..levels-1, that each is as likely as the others. */
    static double evenness(int[] drawn, int levels) {
        long[] counts = new long[levels];
        for (int level : drawn) {
            counts[level]++;
        }
        double[] expected = new double[levels];
        java.util.Arrays.fill(expected, drawn.length / (double) levels);
        return new ChiSquareTest().chiSquareTest(expected, counts);
    }

    /** Of paired levels, that the first tells nothing about the second; levels never drawn leave the table. */
    static double independence(int[] a, int[] b) {
        int rows = java.util.Arrays.stream(a).max().orElse(0) + 1;
        int columns = java.util.Arrays.stream(b).max().orElse(0) + 1;
        long[][] table = new long[rows][columns];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
        }
        long[][] drawn = withoutEmptyLines(transpose(withoutEmptyLines(table)));
        if (drawn.length < 2 || drawn[0].length < 2) {
            return 1.0;
        }
        return new ChiSquareTest().chiSquareTest(drawn);
    }

    /** A value in [0, 1] as one of {@code bins} equal bins. */
    static int bin(double unit, int bins) {
        return Math.min(bins - 1, (int) Math.floor(unit * bins));
    }

    private static long[][] withoutEmptyLines(long[][] table) {
        List<long[]> kept = new ArrayList<>();
        for (long[] row : table) {
            if (java.util.Arrays.stream(row).sum() > 0) {
                kept.add(row);
            }
        }
        return kept.toArray(new long[0][]);
    }

    private static long[][] transpose(long[][] table) {
        if (table.length == 0) {
            return table;
        }
        long[][] t = new long[table[0].length][table.length];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[0].length; j++) {
                t[j][i] = table[i][j];
            }
        }
        return t;
    }
}
