package dev.sweep.prune;

import java.util.List;
import java.util.Map;

/**
 * The sweep's trials as a pruner sees them: each trial's objective per epoch (index 0 is epoch 1) and whether it
 * completed all its epochs.
 *
 * @param maximize whether larger objective values are better
 */
public record History(Map<Integer, Curve> trials, boolean maximize) {

    /** One trial's objective values per epoch. */
    public record Curve(List<Double> values, boolean complete) {
        /** The value after {@code epoch} (from 1), or null if the trial did not get that far. */
        public Double at(int epoch) {
            return epoch <= values.size() ? values.get(epoch - 1) : null;
        }

        /** The best value over epochs 1..{@code epoch}. */
        public Double bestUpTo(int epoch, boolean maximize) {
            Double best = null;
            for (int e = 1; e <= Math.min(epoch, values.size()); e++) {
                double v = values.get(e - 1);
                if (best == null || (maximize ? v > best : v < best)) {
                    best = v;
                }
            }
            return best;
        }
    }

    boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }
}
