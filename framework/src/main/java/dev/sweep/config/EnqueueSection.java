package dev.sweep.config;

import dev.sweep.sample.SamplingSpace;
import dev.sweep.space.Membership;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code enqueue:} section: parameter sets to try first, each a mapping of some of the searched keys to a value
 * inside their range or among their choices ({@code - {learning_rate: 0.001, units: 128}}).
 */
final class EnqueueSection {
    private static final String EXAMPLE = "e.g. enqueue: [{learning_rate: 0.001, units: 128}]";

    private EnqueueSection() {
    }

    static List<Map<String, Object>> read(Node node, SamplingSpace space, Problems problems) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(node, "enqueue must be a list of parameter sets, not " + YamlScalars.describe(node), EXAMPLE);
            return List.of();
        }
        List<String> searched = space.specs().entrySet().stream().filter(e -> !e.getValue().isFixed()).map(Map.Entry::getKey).toList();
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String where = "enqueue[" + i + "]";
            if (!(item instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
                problems.add(item, where + " must be a mapping of searched parameters to values, not "
                        + YamlScalars.describe(item), EXAMPLE);
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Node> at = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
                ParameterSpec spec = key == null ? null : space.specs().get(key);
                if (spec == null || spec.isFixed()) {
                    String why = spec == null ? "is not a parameter of this sweep." + DidYouMean.hint(String.valueOf(key), searched)
                            : "is fixed in parameters, so every trial has " + key + " = " + ParameterValues.format(((ParameterSpec.Fixed) spec).value());
                    problems.add(tuple.getKeyNode(), where + ": '" + key + "' " + why,
                            "enqueue sets only searched parameters: " + String.join(", ", searched));
                    continue;
                }
                if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
                    problems.add(tuple.getValueNode(), where + "." + key + " must be one value, not "
                            + YamlScalars.describe(tuple.getValueNode()), "e.g. " + key + ": " + example(spec));
                    continue;
                }
                Object value = YamlScalars.value(scalar);
                String outside = Membership.whyOutside(spec, value);
                if (outside != null) {
                    problems.add(scalar, where + "." + key + " = " + YamlScalars.describe(scalar) + " " + outside,
                            "give a value the sweep could draw, e.g. " + key + ": " + example(spec));
                    continue;
                }
                values.put(key, value);
                at.put(key, tuple.getKeyNode());
            }
            values.keySet().forEach(key -> {
                Map<String, List<Object>> condition = space.conditions().when().get(key);
                if (condition != null && values.keySet().containsAll(condition.keySet())
                        && !space.conditions().activeOnly(values).containsKey(key)) {
                    problems.add(at.get(key), where + ": '" + key + "' is inactive in this set (" + key + " is searched "
                            + space.conditions().describe(key) + ")", "remove " + key + " from the set, or change what its condition names");
                }
            });
            if (!values.isEmpty()) {
                sets.add(values);
            }
        }
        return sets;
    }

    private static String example(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.Choice choice) {
            return ParameterValues.format(choice.values().get(0));
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return String.valueOf(r.min());
        }
        return ParameterValues.format(((ParameterSpec.FloatRange) spec).min());
    }
}
