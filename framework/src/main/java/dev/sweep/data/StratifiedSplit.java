package dev.sweep.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which rows become test images when a dataset has no test set of its own: the same share of each class, chosen by a
 * fixed seed (not the sweep's, so that every sweep of one dataset tests on the same images), at least one row of each
 * class left to train on.
 */
final class StratifiedSplit {
    private static final long SEED = 20_141_104L;

    private StratifiedSplit() {
    }

    /** For each row, whether it is a test row. */
    static boolean[] testRows(List<Integer> labels, double fraction) {
        Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byClass.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
        }
        boolean[] test = new boolean[labels.size()];
        Random random = new Random(SEED);
        for (List<Integer> rows : byClass.values()) {
            List<Integer> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, random);
            int count = (int) Math.round(fraction * rows.size());
            shuffled.subList(0, Math.min(count, rows.size() - 1)).forEach(i -> test[i] = true);
        }
        return test;
    }
}
