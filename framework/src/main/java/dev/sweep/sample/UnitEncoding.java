package dev.sweep.sample;

import dev.sweep.space.ParameterSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A candidate as a point of the unit cube, for a model that measures distances: a range by its place between its
 * ends in the search scale (logarithm, step index), a choice one-hot. A parameter that is inactive sits at the middle
 * of its range, or at no choice, so that trials of another branch are neither near nor far on its account.
 */
final class UnitEncoding {
    private final List<String> keys = new ArrayList<>();
    private final List<ParameterSpec> specs = new ArrayList<>();
    private final int width;

    UnitEncoding(SamplingSpace space) {
        int columns = 0;
        for (Map.Entry<String, ParameterSpec> e : space.specs().entrySet()) {
            ParameterSpec spec = e.getValue();
            if (spec.isFixed()) {
                continue;
            }
            keys.add(e.getKey());
            specs.add(spec);
            columns += spec instanceof ParameterSpec.Choice c ? c.values().size() : 1;
        }
        width = columns;
    }

    int width() {
        return width;
    }

    double[] encode(Map<String, Object> candidate) {
        double[] point = new double[width];
        int column = 0;
        for (int i = 0; i < keys.size(); i++) {
            ParameterSpec spec = specs.get(i);
            Object value = candidate.get(keys.get(i));
            if (spec instanceof ParameterSpec.Choice choice) {
                int index = value == null ? -1 : Neighbourhood.indexOf(choice.values(), value);
                if (index >= 0) {
                    point[column + index] = 1.0;
                }
                column += choice.values().size();
            } else {
                NumericScale scale = NumericScale.of(spec);
                point[column++] = value == null ? 0.5
                        : (scale.toInternal(((Number) value).doubleValue()) - scale.low()) / (scale.high() - scale.low());
            }
        }
        return point;
    }
}
