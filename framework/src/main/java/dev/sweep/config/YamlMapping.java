package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping read key by key: reports duplicate and non-text keys when opened, and whatever keys were never
 * taken, with a did-you-mean, when closed.
 */
final class YamlMapping {
    private final String where;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> taken = new LinkedHashSet<>();

    YamlMapping(MappingNode node, String where, Problems problems) {
        this.where = where;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), "a key in " + where + " is not plain text", "write keys as plain words");
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                problems.add(key, "'" + key.getValue() + "' appears twice in " + where, "keep one of them");
                continue;
            }
            entries.put(key.getValue(), tuple);
        }
    }

    Optional<Node> take(String key) {
        taken.add(key);
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** The key's value without taking it: whoever reads it for real still takes it. */
    Optional<Node> peek(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** Reports every key not taken as unknown, suggesting the closest of {@code known}. */
    void rejectUnknown(List<String> known) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!taken.contains(e.getKey())) {
                problems.add(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' in " + where + "."
                        + DidYouMean.hint(e.getKey(), known), "the keys of " + where + " are: " + String.join(", ", known));
            }
        }
    }
}
