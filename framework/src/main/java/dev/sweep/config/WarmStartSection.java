package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code warm_start:} section: {@code {from: SWEEP, top: K}}, another sweep of the same database whose best K
 * complete trials this one tries first and learns from. Whether that sweep exists is known only when the database is
 * open: the runner checks it.
 */
final class WarmStartSection {
    static final int DEFAULT_TOP = 5;

    private WarmStartSection() {
    }

    static FirstTrials.WarmStart read(Node node, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "warm_start", "e.g. warm_start: {from: quickstart, top: 5}", problems);
        if (map == null) {
            return null;
        }
        String from = map.take("from").map(n -> YamlValues.text(n, "warm_start.from", problems)).orElse(null);
        if (!map.keys().contains("from")) {
            problems.add(node, "warm_start needs the sweep to start from", "add from: SWEEP, e.g. warm_start: {from: quickstart, top: 5}");
        } else if (from != null && !from.matches(SweepFileLoader.NAME_PATTERN)) {
            problems.add(map.take("from").get(), "warm_start.from '" + from + "' is not a sweep name",
                    "name a sweep of the same database (./sweep leaderboard lists them)");
            from = null;
        }
        int top = map.take("top").map(n -> (int) YamlValues.integer(n, "warm_start.top", 1, 1000, problems)).orElse(DEFAULT_TOP);
        map.rejectUnknown(java.util.List.of("from", "top"));
        return from == null ? null : new FirstTrials.WarmStart(from, top);
    }
}
