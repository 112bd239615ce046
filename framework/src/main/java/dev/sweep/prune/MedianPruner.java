package dev.sweep.prune;

import java.util.ArrayList;
import java.util.List;

/**
 * Optuna's MedianPruner: after {@code warmupEpochs}, and once {@code minTrials} trials have completed, a trial whose
 * best objective so far is worse than the median of the completed trials' objectives at the same epoch stops.
 */
public record MedianPruner(int warmupEpochs, int minTrials) implements Pruner {

    @Override
    public boolean shouldPrune(int trial, int epoch, double value, History history) {
        if (epoch <= warmupEpochs) {
            return false;
        }
        List<Double> others = new ArrayList<>();
        history.trials().forEach((number, curve) -> {
            if (number != trial && curve.complete() && curve.at(epoch) != null) {
                others.add(curve.at(epoch));
            }
        });
        if (others.size() < minTrials) {
            return false;
        }
        others.sort(Double::compare);
        int n = others.size();
        double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
        double best = history.trials().containsKey(trial)
                ? bestOf(history.trials().get(trial).bestUpTo(epoch, history.maximize()), value, history) : value;
        return history.better(median, best);
    }

    private static double bestOf(Double earlier, double now, History history) {
        return earlier == null || history.better(now, earlier) ? now : earlier;
    }

    @Override
    public String describe() {
        return "median: after epoch " + warmupEpochs + " and " + minTrials + " completed trials, stop a trial whose best "
                + "objective so far is worse than the completed trials' median at the same epoch";
    }
}
