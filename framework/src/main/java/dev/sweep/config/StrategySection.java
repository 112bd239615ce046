package dev.sweep.config;

import dev.sweep.space.SearchStrategy;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;
import java.util.Optional;

/** The {@code strategy:} section: random search with its trials, or grid search with its points. */
final class StrategySection {
    static final List<String> KEYS = List.of("type", "trials", "points");

    private StrategySection() {
    }

    static SearchStrategy read(Node node, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "strategy", "e.g. strategy: {type: random, trials: 10}", problems);
        if (map == null) {
            return null;
        }
        String type = map.take("type").map(n -> YamlValues.text(n, "strategy.type", problems)).orElse(null);
        SearchStrategy result = null;
        if (type == null) {
            problems.add(node, "strategy needs a type", "type: random (with trials: N) or type: grid (with points: N)");
        } else if (type.equals("random")) {
            Optional<Node> trials = map.take("trials");
            if (trials.isEmpty()) {
                problems.add(node, "random search needs the number of trials", "add trials: N");
            } else {
                result = SearchStrategy.random((int) YamlValues.integer(trials.get(), "strategy.trials", 1, 1_000_000, problems));
            }
            map.take("points").ifPresent(n -> problems.add(map.keyNode("points"), "points is for grid search",
                    "remove it, or use type: grid"));
        } else if (type.equals("grid")) {
            int points = map.take("points").map(n -> (int) YamlValues.integer(n, "strategy.points", 1, 1000, problems)).orElse(3);
            result = SearchStrategy.grid(points);
            map.take("trials").ifPresent(n -> problems.add(map.keyNode("trials"), "grid search runs every point; trials is for random search",
                    "remove trials, or use type: random"));
        } else {
            map.take("trials");
            map.take("points");
            problems.add(map.take("type").get(), "unknown strategy type '" + type + "'." + DidYouMean.hint(type, List.of("random", "grid")),
                    "use type: random or type: grid");
        }
        map.rejectUnknown(KEYS);
        return result;
    }
}
