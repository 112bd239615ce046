package dev.sweep.config;

import dev.sweep.arch.ArchitectureRegistry;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code architecture:} key: one registered architecture ({@code architecture: mlp}), or several searched as a
 * choice ({@code architecture: {values: [mlp, cnn]}}), each then with its own branch of parameters.
 */
final class ArchitectureSection {
    private static final String EXAMPLE = "architecture: mlp, or architecture: {values: [mlp, cnn]}";

    private ArchitectureSection() {
    }

    /** The architectures named, in order; those unknown are reported (and kept, so that their branches are not reported again). */
    static List<String> read(Optional<Node> node, ArchitectureRegistry registry, Problems problems) {
        if (node.isEmpty()) {
            problems.add(Optional.empty(), "'architecture' is missing", "add " + EXAMPLE + " at the top of the file");
            return List.of();
        }
        if (node.get() instanceof ScalarNode) {
            String name = YamlValues.text(node.get(), "architecture", problems);
            if (name == null) {
                return List.of();
            }
            reportUnknown(name, node.get(), registry, problems);
            return List.of(name);
        }
        if (!(node.get() instanceof MappingNode m)) {
            problems.add(node.get(), "architecture must be a name or {values: [...]}, not " + YamlScalars.describe(node.get()),
                    EXAMPLE);
            return List.of();
        }
        YamlMapping map = new YamlMapping(m, "architecture", problems);
        Optional<Node> values = map.take("values");
        map.rejectUnknown(List.of("values"));
        if (values.isEmpty() || !(values.get() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(values.orElse(node.get()), "architecture's values must be a non-empty list of architectures",
                    "e.g. architecture: {values: [mlp, cnn]}; known: " + String.join(", ", registry.names()));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String name = YamlValues.text(item, "each value of architecture", problems);
            if (name == null) {
                continue;
            }
            if (names.contains(name)) {
                problems.add(item, "architecture '" + name + "' is listed twice", "list it once");
                continue;
            }
            reportUnknown(name, item, registry, problems);
            names.add(name);
        }
        return names;
    }

    private static void reportUnknown(String name, Node at, ArchitectureRegistry registry, Problems problems) {
        if (registry.find(name).isEmpty()) {
            problems.add(at, "unknown architecture '" + name + "'." + DidYouMean.hint(name, registry.names()),
                    "known architectures: " + String.join(", ", registry.names()) + " (see ./sweep architectures)");
        }
    }
}
