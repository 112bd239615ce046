package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;

/** The {@code pruner:} section: which pruner, and only the settings that pruner has. */
final class PrunerSection {
    static final List<String> KEYS = List.of("type", "warmup_epochs", "min_trials", "min_epochs", "reduction");

    private PrunerSection() {
    }

    static PrunerSpec read(Node node, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "pruner", "e.g. pruner: {type: median, warmup_epochs: 1}", problems);
        if (map == null) {
            return null;
        }
        String type = YamlValues.type(node, map, "pruner", PrunerSpec.TYPES, "median, asha or hyperband", problems);
        int warmup = map.take("warmup_epochs").map(n -> (int) YamlValues.integer(n, "pruner.warmup_epochs", 0, 10_000, problems)).orElse(1);
        int minTrials = map.take("min_trials").map(n -> (int) YamlValues.integer(n, "pruner.min_trials", 1, 10_000, problems)).orElse(5);
        int minEpochs = map.take("min_epochs").map(n -> (int) YamlValues.integer(n, "pruner.min_epochs", 1, 10_000, problems)).orElse(1);
        int reduction = map.take("reduction").map(n -> (int) YamlValues.integer(n, "pruner.reduction", 2, 100, problems)).orElse(3);
        List<String> allowed = type == null ? KEYS : switch (type) {
            case "median" -> List.of("type", "warmup_epochs", "min_trials");
            default -> List.of("type", "min_epochs", "reduction");
        };
        for (String key : List.of("warmup_epochs", "min_trials", "min_epochs", "reduction")) {
            if (!allowed.contains(key) && map.keys().contains(key)) {
                problems.add(map.keyNode(key), key + " is not a setting of the " + type + " pruner",
                        "its settings are: " + String.join(", ", allowed.subList(1, allowed.size())));
            }
        }
        map.rejectUnknown(KEYS);
        return type == null ? null : new PrunerSpec(type, warmup, minTrials, minEpochs, reduction);
    }
}
