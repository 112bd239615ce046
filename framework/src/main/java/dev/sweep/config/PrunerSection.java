package dev.sweep.config;

import dev.sweep.prune.PrunerType;
import dev.sweep.prune.PrunerTypes;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.Map;
import java.util.List;

/**
 * The {@code pruner:} section: which pruner type, found by discovery, and its settings, checked against the ones that
 * type declares (each at its place in the file, with the type's own ranges).
 */
final class PrunerSection {
    private PrunerSection() {
    }

    static PrunerSpec read(Node node, PrunerTypes pruners, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "pruner", "e.g. pruner: {type: median, warmup_epochs: 1}", problems);
        if (map == null) {
            return null;
        }
        String name = YamlValues.type(node, map, "pruner", pruners.names(), String.join(", ", pruners.names()), problems);
        PrunerType type = name == null ? null : pruners.find(name).orElse(null);
        if (type == null) {
            map.keys().forEach(map::take); // its settings cannot be judged without its type
            return null;
        }
        Map<String, Object> settings = TypeSettings.read(map, type.settings(), "pruner", "the " + name + " pruner", List.of(), problems);
        return settings == null ? null : new PrunerSpec(type, settings);
    }
}
