package dev.sweep.config;

import dev.sweep.run.ExecutorType;
import dev.sweep.run.ExecutorTypes;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code executor:} section: which executor type, found by discovery, its settings, checked against the ones it
 * declares, and {@code conf} for a type that takes it.
 */
final class ExecutorSection {
    private ExecutorSection() {
    }

    static ExecutorSpec read(Node node, ExecutorTypes executors, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "executor", "e.g. executor: {type: spark, master: \"local[2]\"}", problems);
        if (map == null) {
            return null;
        }
        String name = YamlValues.type(node, map, "executor", executors.names(), String.join(", ", executors.names()), problems);
        ExecutorType type = name == null ? null : executors.find(name).orElse(null);
        if (type == null) {
            map.keys().forEach(map::take); // its settings cannot be judged without its type
            return null;
        }
        Map<String, String> conf = new LinkedHashMap<>();
        // A type without conf leaves the key to TypeSettings, which reports it among that type's keys.
        (type.takesConf() ? map.take("conf") : java.util.Optional.<Node>empty()).ifPresent(n -> {
            YamlMapping settings = YamlValues.mapping(n, "executor.conf", "e.g. conf: {spark.executor.memory: 4g}", problems);
            if (settings == null) {
                return;
            }
            for (String key : settings.keys()) {
                settings.take(key).map(v -> YamlValues.scalar(v, "executor.conf." + key, Object.class, "a value", problems, String::valueOf))
                        .ifPresent(value -> conf.put(key, value));
            }
        });
        List<String> own = type.takesConf() ? List.of("conf") : List.of();
        Map<String, Object> settings = TypeSettings.read(map, type.settings(), "executor", "the " + name + " executor", own, problems);
        if (settings == null) {
            return null;
        }
        for (ExecutorType.Problem problem : type.problemsWith(settings, conf)) {
            Node at = problem.setting() != null && map.keys().contains(problem.setting()) ? map.keyNode(problem.setting()) : node;
            problems.add(at, problem.message(), problem.fix());
        }
        return new ExecutorSpec(name, settings, conf);
    }
}
