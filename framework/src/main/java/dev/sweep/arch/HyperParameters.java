package dev.sweep.arch;

import dev.sweep.space.ParameterValues;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** A trial's resolved parameters: every declared default, overridden by the sweep file and the candidate. */
public final class HyperParameters {
    private final Map<String, Object> values;

    public HyperParameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public String getString(String name) {
        return String.valueOf(require(name));
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /** The value of {@code specific} if set, else of {@code general}, else {@code fallback}. */
    public double getDouble(String specific, String general, double fallback) {
        return has(specific) ? getDouble(specific) : has(general) ? getDouble(general) : fallback;
    }

    public int getInt(String specific, String general, int fallback) {
        return has(specific) ? getInt(specific) : has(general) ? getInt(general) : fallback;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("parameter '" + name + "' has no value; declared ones with values: " + values.keySet());
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(ParameterValues.format(v)));
        return b.toString();
    }
}
