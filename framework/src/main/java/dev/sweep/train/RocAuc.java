package dev.sweep.train;

import java.util.Arrays;

/**
 * Exact area under the ROC curve from ranks (the Mann-Whitney U statistic), ties counted as half. Sorting once per
 * class is fast and exact, where threshold-based curves are approximate and slow on large sets.
 */
final class RocAuc {
    private RocAuc() {
    }

    /** Unweighted mean over classes of class-vs-rest AUC; classes with no positives or no negatives are left out. */
    static double macroOneVsRest(float[] scores, int[] labels, int classes) {
        int n = labels.length;
        double sum = 0;
        int counted = 0;
        float[] column = new float[n];
        boolean[] positive = new boolean[n];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < n; i++) {
                column[i] = scores[i * classes + c];
                positive[i] = labels[i] == c;
            }
            double auc = auc(column, positive);
            if (!Double.isNaN(auc)) {
                sum += auc;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    static double auc(float[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
