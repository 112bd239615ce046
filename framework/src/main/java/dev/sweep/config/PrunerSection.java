package dev.sweep.config;

import dev.sweep.prune.PrunerType;
import dev.sweep.prune.PrunerTypes;
import dev.sweep.space.ParameterDeclaration;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> settings = new LinkedHashMap<>();
        boolean ok = true;
        List<String> names = new ArrayList<>();
        for (ParameterDeclaration setting : type.settings()) {
            names.add(setting.name());
            Node valueNode = map.take(setting.name()).orElse(null);
            if (valueNode == null) {
                settings.put(setting.name(), setting.defaultValue());
                continue;
            }
            if (!(valueNode instanceof ScalarNode scalar)) {
                problems.add(valueNode, "pruner." + setting.name() + " must be a single value, not "
                        + YamlScalars.describe(valueNode), "e.g. " + setting.name() + ": " + setting.defaultValue());
                ok = false;
                continue;
            }
            Object value = ParametersSection.coerce(YamlScalars.value(scalar), setting);
            ok &= ParametersSection.checked("pruner." + setting.name(), valueNode, value, setting, problems);
            settings.put(setting.name(), value);
        }
        for (String key : map.keys()) {
            if (!key.equals("type") && !names.contains(key)) {
                map.take(key);
                problems.add(map.keyNode(key), key + " is not a setting of the " + name + " pruner",
                        names.isEmpty() ? "it has no settings" : "its settings are: " + String.join(", ", names));
            }
        }
        return ok ? new PrunerSpec(type, settings) : null;
    }
}
