package dev.sweep.space;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's parameters as one Arbiter parameter space whose value is the map of parameter name to value.
 *
 * <p>Each parameter becomes one Arbiter leaf. Single-valued parameters become {@link FixedValue} leaves on
 * purpose: Arbiter's grid generator drops 1-valued leaves from its value vector, which would shift every
 * later leaf's index if such a leaf still asked for one. Stepped integer ranges are sampled as the step
 * index (an {@link IntegerParameterSpace}, so the grid generator discretizes them) and mapped back here, and so are
 * stepped float ranges.
 */
public final class SearchSpace implements ParameterSpace<Map<String, Object>> {
    private final Map<String, ParameterSpec> specs;
    private final Map<String, ParameterSpace<?>> leaves = new LinkedHashMap<>();

    public SearchSpace(Map<String, ParameterSpec> specs) {
        this.specs = new LinkedHashMap<>(specs);
        specs.forEach((name, spec) -> leaves.put(name, leafFor(spec)));
    }

    private static ParameterSpace<?> leafFor(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.Fixed f) {
            return new FixedValue<>(f.value());
        }
        if (spec instanceof ParameterSpec.Choice c) {
            return c.isFixed() ? new FixedValue<>(c.values().get(0)) : new DiscreteParameterSpace<>(c.values());
        }
        if (spec instanceof ParameterSpec.FloatRange r) {
            if (r.isFixed()) {
                return new FixedValue<>(r.min());
            }
            if (r.stepped()) {
                return new IntegerParameterSpace(0, Math.toIntExact(r.stepCount()));
            }
            // Arbiter's continuous space is linear unless it is given a log-uniform distribution.
            return r.log() ? new ContinuousParameterSpace(new LogUniformDistribution(r.min(), r.max()))
                    : new ContinuousParameterSpace(r.min(), r.max());
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return r.isFixed() ? new FixedValue<>(0) : new IntegerParameterSpace(0, Math.toIntExact(r.stepCount()));
        }
        throw new IllegalArgumentException("unknown parameter spec " + spec);
    }

    @Override
    public Map<String, Object> getValue(double[] input) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterSpace<?>> e : leaves.entrySet()) {
            Object raw = e.getValue().getValue(input);
            values.put(e.getKey(), toUserValue(specs.get(e.getKey()), raw));
        }
        return values;
    }

    private static Object toUserValue(ParameterSpec spec, Object raw) {
        if (spec instanceof ParameterSpec.IntRange r) {
            return Math.toIntExact(r.min() + ((Number) raw).longValue() * r.step());
        }
        if (spec instanceof ParameterSpec.FloatRange r && r.stepped()) {
            return r.isFixed() ? r.min() : r.valueAt(((Number) raw).longValue());
        }
        if (spec instanceof ParameterSpec.FloatRange r) {
            // Inverse CDFs leave float noise (0.30000000000000004) and can land it just outside the bounds.
            double v = Double.parseDouble(String.format("%.12g", ((Number) raw).doubleValue()));
            return Math.max(r.min(), Math.min(r.max(), v));
        }
        return raw;
    }

    @Override
    public int numParameters() {
        return leaves.values().stream().mapToInt(ParameterSpace::numParameters).sum();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        return Collections.unmodifiableList(new ArrayList<>(leaves.values()));
    }

    @Override
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(leaves));
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("SearchSpace is not a leaf; Arbiter indexes its leaves");
    }
}
