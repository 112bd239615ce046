package dev.sweep.config;

import dev.sweep.sample.Sampler;
import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplingSpace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code strategy:} of a sweep file: the sampler type it names, its trials (0 for one that plans its own, like a
 * grid) and every setting of that type, from the file or the type's defaults.
 */
public record StrategySpec(SamplerType type, int trials, Map<String, Object> settings) {
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
