package dev.sweep.sample;

import dev.sweep.store.TrialState;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of the sweep as a sampler sees it.
 *
 * @param values    its candidate: the sweep's keys, active ones only
 * @param objective a complete trial's objective; a pruned trial's value when it was stopped; null for a failed or
 *                  running one
 * @param epochs    the epochs it finished: a pruned trial that got further ranks above one stopped earlier
 */
public record Observation(int number, Map<String, Object> values, TrialState state, Double objective, int epochs) {
    public Observation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
