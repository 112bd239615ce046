package dev.sweep.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sampler's candidate for one trial, and what it was based on (stored with the trial, shown by {@code show} and
 * the report).
 *
 * @param values the sweep's keys, active ones only
 * @param basis  how it was chosen: {@code random}, {@code grid}, {@code startup} (random, before a model is fitted),
 *               {@code model}, {@code enqueued}, ...
 * @param saw    the numbers of the finished trials it learned from; empty for a sampler that learns nothing
 */
public record Suggestion(Map<String, Object> values, String basis, List<Integer> saw) {
    public Suggestion {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        saw = List.copyOf(saw);
    }
}
