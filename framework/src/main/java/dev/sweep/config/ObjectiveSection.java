package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;
import java.util.Optional;

/** The {@code objective:} section: the metric to optimize and its direction. */
final class ObjectiveSection {
    static final List<String> KEYS = List.of("metric", "goal");

    private ObjectiveSection() {
    }

    static Objective read(Node node, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "objective", "e.g. objective: {metric: val_accuracy, goal: maximize}", problems);
        if (map == null) {
            return null;
        }
        String metric = map.take("metric").map(n -> YamlValues.text(n, "objective.metric", problems)).orElse("val_accuracy");
        if (!Objective.METRICS.contains(metric)) {
            problems.add(map.take("metric").get(), "unknown objective metric '" + metric + "'." + DidYouMean.hint(metric, Objective.METRICS),
                    "use one of: " + String.join(", ", Objective.METRICS));
        }
        Objective objective = Objective.defaultFor(metric);
        Optional<Node> goalNode = map.take("goal");
        if (goalNode.isPresent()) {
            String goal = YamlValues.text(goalNode.get(), "objective.goal", problems);
            if ("maximize".equals(goal) || "minimize".equals(goal)) {
                objective = new Objective(metric, Objective.Goal.valueOf(goal.toUpperCase()));
            } else if (goal != null) {
                problems.add(goalNode.get(), "goal must be maximize or minimize, not '" + goal + "'", "use goal: maximize");
            }
        }
        map.rejectUnknown(KEYS);
        return objective;
    }
}
