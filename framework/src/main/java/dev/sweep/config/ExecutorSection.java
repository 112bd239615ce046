package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code executor:} section: this process, or a Spark master with its settings. */
final class ExecutorSection {
    static final List<String> KEYS = List.of("type", "master", "conf", "ship_data");

    private ExecutorSection() {
    }

    static ExecutorSpec read(Node node, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "executor", "e.g. executor: {type: spark, master: \"local[2]\"}", problems);
        if (map == null) {
            return null;
        }
        String type = YamlValues.type(node, map, "executor", ExecutorSpec.TYPES, "local (this process) or spark", problems);
        String master = map.take("master").map(n -> YamlValues.text(n, "executor.master", problems)).orElse(null);
        if (ExecutorSpec.SPARK.equals(type) && master == null) {
            problems.add(node, "a spark executor needs a master", "e.g. master: \"local[2]\", \"spark://HOST:7077\", yarn or k8s://URL");
        } else if (ExecutorSpec.LOCAL.equals(type) && master != null) {
            problems.add(map.take("master").get(), "the local executor has no master", "remove master, or use type: spark");
        }
        Map<String, String> conf = new LinkedHashMap<>();
        map.take("conf").ifPresent(n -> {
            YamlMapping settings = YamlValues.mapping(n, "executor.conf", "e.g. conf: {spark.executor.memory: 4g}", problems);
            if (settings == null) {
                return;
            }
            for (String key : settings.keys()) {
                String value = settings.take(key)
                        .map(v -> YamlValues.scalar(v, "executor.conf." + key, Object.class, "a value", problems, String::valueOf)).orElse(null);
                if (!key.startsWith("spark.")) {
                    problems.add(settings.keyNode(key), "'" + key + "' is not a Spark setting", "Spark settings start with spark.");
                } else if (value != null) {
                    conf.put(key, value);
                }
            }
        });
        boolean shipData = map.take("ship_data").map(n -> YamlValues.bool(n, "executor.ship_data", problems)).orElse(false);
        if (shipData && ExecutorSpec.LOCAL.equals(type)) {
            problems.add(map.keyNode("ship_data"), "the local executor reads the data in this process", "remove ship_data");
        }
        map.rejectUnknown(KEYS);
        return type == null ? null : new ExecutorSpec(type, master, conf, shipData);
    }
}
