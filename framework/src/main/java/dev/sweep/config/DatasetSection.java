package dev.sweep.config;

import dev.sweep.data.DatasetFormat;
import dev.sweep.data.DatasetFormats;
import dev.sweep.data.IdxFormat;
import dev.sweep.data.MnistFormat;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code dataset:} section: which dataset format, found by discovery, its settings, checked against the ones it
 * declares, and the split, which is the section's own. {@code name: mnist} and {@code idx_dir: PATH} are the
 * shorthands of {@code format: mnist} and {@code format: idx, dir: PATH}.
 */
final class DatasetSection {
    private static final List<String> SPLIT = List.of("train_limit", "validation");
    private static final String EXAMPLE = "e.g. dataset: {format: mnist, validation: 12000}";

    private DatasetSection() {
    }

    static DatasetSpec read(Node node, Path base, DatasetFormats formats, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "dataset", EXAMPLE, problems);
        if (map == null) {
            return null;
        }
        Integer trainLimit = map.take("train_limit").map(n -> (int) YamlValues.integer(n, "dataset.train_limit", 1, Integer.MAX_VALUE, problems))
                .orElse(null);
        int validation = map.take("validation").map(n -> (int) YamlValues.integer(n, "dataset.validation", 1, Integer.MAX_VALUE, problems))
                .orElse(DatasetSpec.DEFAULT_VALIDATION);
        Map<String, Object> shorthand = new LinkedHashMap<>();
        String name = format(map, node, formats, shorthand, problems);
        DatasetFormat format = name == null ? null : formats.find(name).orElse(null);
        if (format == null) {
            map.keys().forEach(map::take); // its settings cannot be judged without its format
            return null;
        }
        List<String> own = new ArrayList<>(List.of("format", "name", "idx_dir"));
        own.addAll(SPLIT);
        Map<String, Object> settings = TypeSettings.read(map, format.settings(), "dataset", "the " + name + " format", own, problems);
        if (settings == null) {
            return null;
        }
        shorthand.forEach(settings::put);
        List<DatasetFormat.Problem> found = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(settings, base, found);
        for (DatasetFormat.Problem problem : found) {
            String key = problem.setting() != null && map.keys().contains(problem.setting()) ? problem.setting()
                    : map.keys().contains("idx_dir") ? "idx_dir" : null;
            problems.add(key == null ? node : map.take(key).orElse(node), problem.message(), problem.fix());
        }
        return new DatasetSpec(name, resolved, trainLimit, validation);
    }

    /** The format named by {@code format:}, or by a shorthand (whose value then goes into {@code shorthand}). */
    private static String format(YamlMapping map, Node node, DatasetFormats formats, Map<String, Object> shorthand, Problems problems) {
        Optional<Node> formatNode = map.take("format");
        Optional<Node> nameNode = map.take("name");
        Optional<Node> idxDir = map.take("idx_dir");
        int given = (formatNode.isPresent() ? 1 : 0) + (nameNode.isPresent() ? 1 : 0) + (idxDir.isPresent() ? 1 : 0);
        if (given > 1) {
            problems.add(node, "dataset has more than one of format, name and idx_dir",
                    "keep format: NAME with its settings (name: mnist and idx_dir: PATH are its shorthands)");
            return null;
        }
        if (idxDir.isPresent()) {
            String dir = YamlValues.text(idxDir.get(), "dataset.idx_dir", problems);
            if (dir == null) {
                return null;
            }
            shorthand.put(IdxFormat.DIR, dir);
            return IdxFormat.NAME;
        }
        if (nameNode.isPresent()) {
            String name = YamlValues.text(nameNode.get(), "dataset.name", problems);
            if (name != null && !name.equals(MnistFormat.NAME)) {
                problems.add(nameNode.get(), "unknown dataset '" + name + "'." + DidYouMean.hint(name, List.of(MnistFormat.NAME)),
                        "use name: mnist, or format: NAME (one of " + String.join(", ", formats.names()) + ")");
                return null;
            }
            return name;
        }
        if (formatNode.isEmpty()) {
            return MnistFormat.NAME;
        }
        String name = YamlValues.text(formatNode.get(), "dataset.format", problems);
        if (name != null && formats.find(name).isEmpty()) {
            problems.add(formatNode.get(), "unknown dataset format '" + name + "'." + DidYouMean.hint(name, formats.names()),
                    "use format: " + String.join(", ", formats.names()) + " (./sweep plugins lists them)");
            return null;
        }
        return name;
    }
}
