package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A range written the way Optuna ({@code low, high, log}) or Keras Tuner ({@code min_value, max_value, sampling}) write
 * it, with a {@code type}, rewritten in Sweep's form for the error that says so: people arrive from those tools.
 */
final class OtherToolsRange {
    static final List<String> KEYS = List.of("type", "min", "max", "low", "high", "min_value", "max_value", "log", "sampling");

    private OtherToolsRange() {
    }

    /** Sweep's form of the range, e.g. {@code {float: [0.0005, 0.005], scale: log}}; null if it is not such a range. */
    static String rewrite(YamlMapping map) {
        String type = text(map, "type").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        String form = type == null ? null : switch (type) {
            case "float", "double", "real", "uniform", "loguniform" -> "float";
            case "int", "integer" -> "int";
            default -> null;
        };
        String low = first(map, "min", "low", "min_value");
        String high = first(map, "max", "high", "max_value");
        if (form == null || low == null || high == null) {
            return null;
        }
        boolean log = type.equals("loguniform") || text(map, "log").filter(v -> v.equalsIgnoreCase("true")).isPresent()
                || text(map, "sampling").filter(v -> v.equalsIgnoreCase("log")).isPresent()
                || text(map, "scale").filter(v -> v.equalsIgnoreCase("log")).isPresent();
        String step = text(map, "step").orElse(null);
        return "{" + form + ": [" + low + ", " + high + "]" + (log && form.equals("float") ? ", scale: log" : "")
                + (step != null ? ", step: " + step : "") + "}";
    }

    private static String first(YamlMapping map, String... keys) {
        for (String key : keys) {
            if (map.keys().contains(key)) {
                return text(map, key).orElse(null);
            }
        }
        return null;
    }

    /** The key's plain value, read without marking the key as taken. */
    private static Optional<String> text(YamlMapping map, String key) {
        return map.peek(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }
}
