package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** A learning sampler's random draw: each parameter uniform in its search scale (log-uniform on a log range). */
final class UniformDraw {
    private UniformDraw() {
    }

    static Map<String, Object> of(Map<String, ParameterSpec> specs, Random random) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        specs.forEach((key, spec) -> candidate.put(key, value(spec, random)));
        return candidate;
    }

    static Object value(ParameterSpec spec, Random random) {
        if (spec instanceof ParameterSpec.Fixed f) {
            return f.value();
        }
        if (spec instanceof ParameterSpec.Choice c) {
            return c.values().get(random.nextInt(c.values().size()));
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return Math.toIntExact(r.min() + random.nextInt(Math.toIntExact(r.stepCount()) + 1) * r.step());
        }
        ParameterSpec.FloatRange r = (ParameterSpec.FloatRange) spec;
        if (r.isFixed()) {
            return r.min();
        }
        if (r.stepped()) {
            return r.valueAt(random.nextInt(Math.toIntExact(r.stepCount()) + 1));
        }
        NumericScale scale = NumericScale.of(spec);
        return scale.toValue(scale.low() + random.nextDouble() * (scale.high() - scale.low()));
    }
}
