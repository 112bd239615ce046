package dev.sweep.config;

import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplerTypes;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.Map;
import java.util.Optional;
import java.util.List;

/**
 * The {@code strategy:} section: which sampler, found by discovery, how many trials (unless it plans its own, as a
 * grid does), whether parallel suggestions follow a fixed schedule ({@code reproducible}), and the sampler's settings,
 * checked against the ones it declares.
 */
final class StrategySection {
    private StrategySection() {
    }

    static StrategySpec read(Node node, SamplerTypes samplers, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "strategy", "e.g. strategy: {type: random, trials: 10}", problems);
        if (map == null) {
            return null;
        }
        String name = YamlValues.type(node, map, "strategy", samplers.names(), String.join(", ", samplers.names()), problems);
        SamplerType type = name == null ? null : samplers.find(name).orElse(null);
        if (type == null) {
            map.keys().forEach(map::take); // its settings cannot be judged without its type
            return null;
        }
        int trials = 0;
        Optional<Node> trialsNode = map.take("trials");
        if (type.plansItsOwnTrials()) {
            trialsNode.ifPresent(n -> problems.add(map.keyNode("trials"), name + " search decides its own number of trials; "
                    + "trials is for the others", "remove trials, or use another type (e.g. random)"));
        } else if (trialsNode.isEmpty()) {
            problems.add(node, name + " search needs the number of trials", "add trials: N");
        } else {
            trials = (int) YamlValues.integer(trialsNode.get(), "strategy.trials", 1, 1_000_000, problems);
        }
        boolean reproducible = map.take("reproducible").map(n -> YamlValues.bool(n, "strategy.reproducible", problems)).orElse(false);
        Map<String, Object> settings = TypeSettings.read(map, type.settings(), "strategy", name + " search",
                List.of("trials", "reproducible"), problems);
        return settings == null ? null : new StrategySpec(type, trials, settings, reproducible);
    }
}
