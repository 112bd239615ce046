package dev.sweep.config;

import dev.sweep.sample.Sampler;
import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplingSpace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code strategy:} of a sweep file: the sampler type it names, its trials (0 for one that plans its own, like a
 * grid), every setting of that type, from the file or the type's defaults, and whether a parallel sweep's suggestions
 * follow a fixed schedule.
 *
 * @param reproducible with {@code parallel: P}, trial k is drawn once trials 0..k-P have finished and sees trials
 *                     k-P+1..k-1 as running, whatever the order they really end in: the suggestions of a parallel
 *                     sweep are then those of the same file and seed run again, at the cost of slots left idle
 */
public record StrategySpec(SamplerType type, int trials, Map<String, Object> settings, boolean reproducible) {
    public StrategySpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public String name() {
        return type.name();
    }

    public Sampler create(SamplingSpace space, long seed) {
        return type.create(space, trials, settings, seed);
    }

    /** How progress, the store and the report name it: {@code random search, 12 trials}. */
    public String describe() {
        return type.describe(trials, settings);
    }
}
