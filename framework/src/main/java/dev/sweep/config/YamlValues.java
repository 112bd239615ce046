package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Typed, located reading of YAML nodes, shared by the sweep file's sections: a wrong value is a problem, not an exception. */
final class YamlValues {

    private YamlValues() {
    }

    /** A section's {@code type:}, one of {@code types}; null, with a problem reported, when missing or unknown. */
    static String type(Node node, YamlMapping map, String section, List<String> types, String choices, Problems problems) {
        String type = map.take("type").map(n -> text(n, section + ".type", problems)).orElse(null);
        if (type == null) {
            problems.add(node, section + " needs a type", "type: " + choices);
        } else if (!types.contains(type)) {
            problems.add(map.take("type").get(), "unknown " + section + " '" + type + "'." + DidYouMean.hint(type, types),
                    "use type: " + choices);
            return null;
        }
        return type;
    }

    static YamlMapping mapping(Node node, String where, String fix, Problems problems) {
        if (!(node instanceof MappingNode m)) {
            problems.add(node, where + " must be a mapping, not " + YamlScalars.describe(node), fix);
            return null;
        }
        return new YamlMapping(m, where, problems);
    }

    static String requiredText(YamlMapping map, String key, Problems problems) {
        Optional<Node> node = map.take(key);
        if (node.isEmpty()) {
            problems.add(Optional.empty(), "'" + key + "' is missing", "add " + key + ": ... at the top of the file");
            return null;
        }
        return text(node.get(), key, problems);
    }

    static String text(Node node, String what, Problems problems) {
        return scalar(node, what, String.class, "text", problems, v -> v);
    }

    static boolean bool(Node node, String what, Problems problems) {
        return Boolean.TRUE.equals(scalar(node, what, Boolean.class, "true or false", problems, v -> v));
    }

    static long integer(Node node, String what, long min, long max, Problems problems) {
        Long v = scalar(node, what, Number.class, "an integer", problems,
                n -> n instanceof Integer || n instanceof Long ? n.longValue() : null);
        if (v == null) {
            return min;
        }
        if (v < min || v > max) {
            problems.add(node, what + " must be between " + min + " and " + max + ", not " + v, null);
            return min;
        }
        return v;
    }

    static <T, R> R scalar(Node node, String what, Class<T> type, String expected, Problems problems, Function<T, R> convert) {
        Object value = node instanceof ScalarNode s ? YamlScalars.value(s) : null;
        R result = type.isInstance(value) ? convert.apply(type.cast(value)) : null;
        if (result == null) {
            problems.add(node, what + " must be " + expected + ", not " + YamlScalars.describe(node), null);
        }
        return result;
    }
}
