package dev.sweep.query;

import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A trial as named columns, for {@code --where}, {@code --order-by}, {@code show} and {@code compare}. */
public final class TrialColumns {
    /** What identifies a trial, before its figures. */
    private static final List<String> IDENTITY = List.of("trial", "sweep", "architecture", "number", "state", "attempt");

    /** Every column: the identity, then the metric catalogue in its order. */
    public static final List<String> METRICS = Stream.concat(IDENTITY.stream(),
            Arrays.stream(TrialMetric.values()).map(TrialMetric::label)).toList();

    private TrialColumns() {
    }

    /** Metrics first, then every resolved parameter, numbers as numbers. */
    public static Map<String, Object> of(TrialRecord t) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("trial", t.id());
        c.put("sweep", t.sweepName());
        c.put("architecture", t.architecture());
        c.put("number", t.number());
        c.put("state", t.state().name());
        c.put("attempt", t.attempt());
        for (TrialMetric m : TrialMetric.values()) {
            c.put(m.label(), t.metric(m));
        }
        t.parameters().forEach((name, text) -> c.putIfAbsent(name, typed(text)));
        return c;
    }

    private static Object typed(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
