package dev.sweep.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Proposes each trial's candidate. It is asked once per trial number, when a slot is free; a resumed sweep reuses
 * the candidates it stored and asks only for the trials never drawn. The same space, settings, seed, number and
 * history must give the same suggestion, so that a sweep run one trial at a time can be reproduced.
 */
public interface Sampler {
    /** How many trials the sweep runs: the file's {@code trials}, or every point of a grid. */
    int planned();

    /**
     * @param number  the trial's candidate number, from 0
     * @param history the sweep's other trials: finished, failed, pruned and running
     */
    Suggestion suggest(int number, SamplerHistory history);

    /**
     * The first {@code n} candidates (at most the planned ones) drawn before any trial has run: all of a random or grid
     * sweep, what {@code plan} shows of a learning one.
     */
    default List<Map<String, Object>> firstWithoutHistory(int n) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int number = 0; number < Math.min(n, planned()); number++) {
            candidates.add(suggest(number, SamplerHistory.empty(true)).values());
        }
        return candidates;
    }
}
