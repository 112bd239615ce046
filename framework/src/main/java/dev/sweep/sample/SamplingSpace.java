package dev.sweep.sample;

import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The space a sampler draws from: every key of the sweep's candidates (in a sweep over several architectures, the
 * architecture choice and each branch's {@code arch.name} keys) and when each is active.
 */
public record SamplingSpace(Map<String, ParameterSpec> specs, Conditions conditions) {
    public SamplingSpace {
        specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
    }
}
