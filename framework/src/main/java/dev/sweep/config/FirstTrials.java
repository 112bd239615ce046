package dev.sweep.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep tries before its sampler chooses: the parameter sets of {@code enqueue:}, then the best of another
 * sweep ({@code warm_start:}). Each takes one of the sweep's trials, in that order from candidate #0; keys they leave
 * out are the sampler's to choose.
 *
 * @param enqueued  partial candidates, the sweep's own keys, checked against its space
 * @param warmStart null for none
 */
public record FirstTrials(List<Map<String, Object>> enqueued, WarmStart warmStart) {
    public static final FirstTrials NONE = new FirstTrials(List.of(), null);

    public FirstTrials {
        enqueued = enqueued.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }

    /** {@code warm_start: {from: SWEEP, top: K}}: another sweep of this database, and how many of its best trials. */
    public record WarmStart(String from, int top) {
    }

    /** How many trials they take at most: a warm start may find fewer complete trials than {@code top}. */
    public int count() {
        return enqueued.size() + (warmStart == null ? 0 : warmStart.top());
    }

    public boolean isEmpty() {
        return count() == 0;
    }
}
