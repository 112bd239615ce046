package dev.sweep.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning", 2020), as
 * Optuna's SuccessiveHalvingPruner: rungs at epochs {@code minEpochs * reduction^k}. A trial reaching a rung goes on
 * only if its objective there is among the top {@code 1/reduction} of every value recorded at that rung so far (its
 * own included); while fewer than {@code reduction} trials have reached the rung, only a value that beats them all
 * goes on. Nobody waits for a rung to fill, so every core stays busy.
 */
public record AshaPruner(int minEpochs, int reduction) implements Pruner {

    @Override
    public boolean shouldPrune(int trial, int epoch, double value, History history) {
        return shouldPrune(trial, epoch, value, history, number -> true);
    }

    /** The rule among the trials {@code competing} accepts (Hyperband's brackets). */
    boolean shouldPrune(int trial, int epoch, double value, History history, IntPredicate competing) {
        if (!isRung(epoch)) {
            return false;
        }
        List<Double> values = new ArrayList<>();
        values.add(value);
        history.trials().forEach((number, curve) -> {
            if (number != trial && competing.test(number) && curve.at(epoch) != null) {
                values.add(curve.at(epoch));
            }
        });
        int promotable = Math.max(1, values.size() / reduction);
        values.sort(history.maximize() ? (a, b) -> Double.compare(b, a) : Double::compare);
        double threshold = values.get(promotable - 1);
        return history.better(threshold, value);
    }

    boolean isRung(int epoch) {
        long rung = minEpochs;
        while (rung < epoch) {
            rung *= reduction;
        }
        return rung == epoch;
    }

    @Override
    public String describe() {
        return "asha: at epochs " + minEpochs + ", " + minEpochs * reduction + ", " + minEpochs * reduction * reduction
                + ", ... a trial goes on only in the top 1/" + reduction + " of the values recorded there so far";
    }
}
