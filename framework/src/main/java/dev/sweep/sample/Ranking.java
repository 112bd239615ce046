package dev.sweep.sample;

import dev.sweep.store.TrialState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which learning samplers judge the history, best first: complete trials by objective, pruned ones by
 * the epochs they reached and then by the value they had, then failed and running trials, oldest first. Failed and
 * running trials rank last so that a failure's neighbourhood, or a draw already in flight, is not proposed again as
 * if unexplored (for running trials this is Optuna's constant liar).
 */
final class Ranking {
    private Ranking() {
    }

    /** Every trial of the history except {@code number} (the one being drawn, when it is resumed). */
    static List<Observation> bestFirst(SamplerHistory history, int number) {
        Comparator<Observation> byValue = Comparator.comparingDouble(Observation::objective);
        if (history.maximize()) {
            byValue = byValue.reversed();
        }
        List<Observation> complete = new ArrayList<>();
        List<Observation> pruned = new ArrayList<>();
        List<Observation> rest = new ArrayList<>();
        for (Observation t : history.trials()) {
            if (t.number() == number) {
                continue;
            }
            if (t.state() == TrialState.COMPLETE && t.objective() != null) {
                complete.add(t);
            } else if (t.state() == TrialState.PRUNED && t.objective() != null) {
                pruned.add(t);
            } else {
                rest.add(t);
            }
        }
        complete.sort(byValue);
        pruned.sort(Comparator.comparingInt(Observation::epochs).reversed().thenComparing(byValue));
        rest.sort(Comparator.comparingInt(Observation::number));
        List<Observation> ranked = new ArrayList<>(complete);
        ranked.addAll(pruned);
        ranked.addAll(rest);
        return ranked;
    }

    /** The trials with a value to learn from: complete and pruned ones. */
    static List<Observation> scored(SamplerHistory history, int number) {
        return history.trials().stream().filter(t -> t.number() != number && t.objective() != null
                && (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED)).toList();
    }

    /** The finished trials' numbers, what a suggestion is said to have seen. */
    static List<Integer> saw(SamplerHistory history, int number) {
        return history.finished().stream().map(Observation::number).filter(n -> n != number).toList();
    }
}
