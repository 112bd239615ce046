package dev.sweep.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code dataset:} section: MNIST or a folder of IDX files, and the split. */
final class DatasetSection {
    static final List<String> KEYS = List.of("name", "idx_dir", "train_limit", "validation");

    private DatasetSection() {
    }

    static DatasetSpec read(Node node, Path base, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "dataset", "e.g. dataset: {name: mnist, validation: 12000}", problems);
        if (map == null) {
            return null;
        }
        String name = map.take("name").map(n -> YamlValues.text(n, "dataset.name", problems)).orElse(null);
        Path idxDir = map.take("idx_dir").map(n -> {
            String dir = YamlValues.text(n, "dataset.idx_dir", problems);
            if (dir == null) {
                return null;
            }
            Path path = base.resolve(dir).normalize();
            if (!Files.isDirectory(path)) {
                problems.add(n, "idx_dir '" + dir + "' is not a folder (looked for " + path + ")",
                        "give a folder holding the IDX files, absolute or relative to the sweep file's folder");
            }
            return path;
        }).orElse(null);
        if (name != null && idxDir != null) {
            problems.add(node, "dataset has both name and idx_dir", "keep name: mnist, or idx_dir: PATH for your own IDX files");
        } else if (name != null && !name.equals("mnist")) {
            problems.add(map.take("name").get(), "unknown dataset '" + name + "'." + DidYouMean.hint(name, List.of("mnist")),
                    "use name: mnist, or idx_dir: PATH for a folder of IDX files");
        }
        if (name == null && idxDir == null && !map.keys().contains("name") && !map.keys().contains("idx_dir")) {
            name = "mnist";
        }
        Integer trainLimit = map.take("train_limit").map(n -> (int) YamlValues.integer(n, "dataset.train_limit", 1, Integer.MAX_VALUE, problems))
                .orElse(null);
        int validation = map.take("validation").map(n -> (int) YamlValues.integer(n, "dataset.validation", 1, Integer.MAX_VALUE, problems))
                .orElse(DatasetSpec.DEFAULT_VALIDATION);
        map.rejectUnknown(KEYS);
        return new DatasetSpec(name, idxDir, trainLimit, validation);
    }
}
