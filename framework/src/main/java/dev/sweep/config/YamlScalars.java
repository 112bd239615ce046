package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Typed values of YAML 1.2 core-schema scalars, as sweep files use them. */
final class YamlScalars {
    private YamlScalars() {
    }

    /** Integer (or Long), Double, Boolean, String, or null. */
    static Object value(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(text.toLowerCase());
        }
        if (Tag.INT.equals(tag)) {
            long v = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16)
                    : text.startsWith("0o") ? Long.parseLong(text.substring(2), 8) : Long.parseLong(text.replace("+", ""));
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        if (Tag.FLOAT.equals(tag)) {
            String t = text.toLowerCase().replace("+", "");
            if (t.endsWith(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return t.endsWith(".nan") ? Double.NaN : Double.parseDouble(t);
        }
        return text;
    }

    static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            Object v = value(s);
            return v instanceof String ? "'" + v + "'" : String.valueOf(v);
        }
        return node.getNodeType() == org.snakeyaml.engine.v2.nodes.NodeType.SEQUENCE ? "a list" : "a mapping";
    }
}
