package dev.sweep.prune;

import dev.sweep.train.EpochMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sweep's pruning history kept as its epochs arrive: read from the store once when the sweep starts (the epochs of
 * a resumed sweep's earlier trials), then updated in memory, so a pruner's decision costs no database read. It holds
 * what the store holds: each trial's first execution by epoch, an epoch that arrives again replacing itself, and a
 * candidate that starts again starting from nothing.
 */
public final class LiveHistory {
    private final Map<Integer, List<Double>> values = new TreeMap<>();
    private final Map<Integer, Boolean> complete = new TreeMap<>();
    private final String metric;
    private final boolean maximize;

    public LiveHistory(History stored, String metric) {
        this.metric = metric;
        this.maximize = stored.maximize();
        stored.trials().forEach((number, curve) -> {
            values.put(number, new ArrayList<>(curve.values()));
            complete.put(number, curve.complete());
        });
    }

    /** A candidate (re)starts: whatever an earlier attempt left is gone, as in the store. */
    public synchronized void started(int number) {
        values.remove(number);
        complete.remove(number);
    }

    /** An epoch of a trial's first execution (later repeats are not judged). */
    public synchronized void epoch(int number, int repeat, EpochMetrics m) {
        if (repeat != 0) {
            return;
        }
        double v = "val_loss".equals(metric) ? m.valLoss() : m.valAccuracy();
        List<Double> curve = values.computeIfAbsent(number, n -> new ArrayList<>());
        complete.putIfAbsent(number, false);
        while (curve.size() < m.epoch()) {
            curve.add(Double.NaN);
        }
        curve.set(m.epoch() - 1, Double.isFinite(v) ? v : Double.NaN);
    }

    public synchronized void completed(int number) {
        complete.put(number, true);
    }

    /** The history as it stands, for a pruner. */
    public synchronized History snapshot() {
        Map<Integer, History.Curve> curves = new LinkedHashMap<>();
        values.forEach((number, list) -> curves.put(number, new History.Curve(List.copyOf(list), complete.get(number))));
        return new History(curves, maximize);
    }
}
