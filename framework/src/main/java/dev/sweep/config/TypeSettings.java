package dev.sweep.config;

import dev.sweep.space.ParameterDeclaration;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a section that names a discovered type ({@code pruner: {type: asha, reduction: 3}}): each checked
 * against the type's own declaration at its place in the file, and the undeclared ones reported.
 */
final class TypeSettings {
    private TypeSettings() {
    }

    /**
     * @param section   the section's name in messages, e.g. "pruner"
     * @param typeLabel what the type is called, e.g. "the asha pruner"
     * @param ownKeys   keys the section reads itself besides {@code type}, in the order messages list them
     * @return every setting, from the file or its default; null if any was wrong
     */
    static Map<String, Object> read(YamlMapping map, List<ParameterDeclaration> declared, String section, String typeLabel,
                                    List<String> ownKeys, Problems problems) {
        Map<String, Object> settings = new LinkedHashMap<>();
        boolean ok = true;
        List<String> names = new ArrayList<>();
        for (ParameterDeclaration setting : declared) {
            names.add(setting.name());
            Node valueNode = map.take(setting.name()).orElse(null);
            if (valueNode == null) {
                settings.put(setting.name(), setting.defaultValue());
                continue;
            }
            if (!(valueNode instanceof ScalarNode scalar)) {
                problems.add(valueNode, section + "." + setting.name() + " must be a single value, not "
                        + YamlScalars.describe(valueNode), "e.g. " + setting.name() + ": " + setting.defaultValue());
                ok = false;
                continue;
            }
            Object value = ParametersSection.coerce(YamlScalars.value(scalar), setting);
            ok &= ParametersSection.checked(section + "." + setting.name(), valueNode, value, setting, problems);
            settings.put(setting.name(), value);
        }
        List<String> known = new ArrayList<>(List.of("type"));
        known.addAll(ownKeys);
        known.addAll(names);
        for (String key : map.keys()) {
            if (!known.contains(key)) {
                map.take(key);
                String hint = DidYouMean.hint(key, known);
                problems.add(map.keyNode(key), key + " is not a setting of " + typeLabel + (hint.isEmpty() ? "" : "." + hint),
                        "its keys are: " + String.join(", ", known));
            }
        }
        return ok ? settings : null;
    }
}
