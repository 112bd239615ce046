package dev.sweep.config;

import dev.sweep.data.CsvFormat;
import dev.sweep.data.DatasetFormat;
import dev.sweep.data.DatasetFormats;
import dev.sweep.data.IdxFormat;
import dev.sweep.data.ImagesFormat;
import dev.sweep.data.MnistFormat;
import dev.sweep.space.ParameterDeclaration;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code dataset:} section: which dataset format, found by discovery, its settings, checked against the ones it
 * declares, and the split, which is the section's own. {@code name: mnist}, {@code idx_dir: PATH},
 * {@code images: PATH} and {@code csv: FILE} are the shorthands of {@code format: mnist}, {@code format: idx, dir: PATH},
 * {@code format: images, dir: PATH} and {@code format: csv, file: FILE}; {@code size: [H, W]} and
 * {@code shape: [H, W, C]} those of {@code height}, {@code width} and {@code channels}.
 */
final class DatasetSection {
    private static final List<String> SPLIT = List.of("train_limit", "validation");
    private static final String EXAMPLE = "e.g. dataset: {format: mnist, validation: 12000}";

    /** A shorthand key, the format it names and the setting its value is. */
    private record Shorthand(String key, String format, String setting) {
    }

    private static final List<Shorthand> SHORTHANDS = List.of(new Shorthand("idx_dir", IdxFormat.NAME, IdxFormat.DIR),
            new Shorthand("images", ImagesFormat.NAME, "dir"), new Shorthand("csv", CsvFormat.NAME, "file"));
    private static final List<String> SHAPE_KEYS = List.of("height", "width", "channels");

    private DatasetSection() {
    }

    static DatasetSpec read(Node node, Path base, DatasetFormats formats, Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "dataset", EXAMPLE, problems);
        if (map == null) {
            return null;
        }
        Integer trainLimit = map.take("train_limit").map(n -> (int) YamlValues.integer(n, "dataset.train_limit", 1, Integer.MAX_VALUE, problems))
                .orElse(null);
        double validation = map.take("validation").map(n -> validation(n, problems)).orElse((double) DatasetSpec.DEFAULT_VALIDATION);
        Map<String, Object> shorthand = new LinkedHashMap<>();
        String name = format(map, node, formats, shorthand, problems);
        DatasetFormat format = name == null ? null : formats.find(name).orElse(null);
        Optional<Node> size = map.take("size");
        Optional<Node> shape = map.take("shape");
        if (format == null) {
            map.keys().forEach(map::take); // its settings cannot be judged without its format
            return null;
        }
        List<String> own = new ArrayList<>(List.of("format", "name", "size", "shape"));
        SHORTHANDS.forEach(s -> own.add(s.key()));
        own.addAll(SPLIT);
        List<String> given = new ArrayList<>(map.keys());
        Map<String, Object> settings = TypeSettings.read(map, format.settings(), "dataset", "the " + name + " format", own, problems);
        if (settings == null) {
            return null;
        }
        size.ifPresent(n -> shape(n, "size", 2, format, given, settings, problems));
        shape.ifPresent(n -> shape(n, "shape", 3, format, given, settings, problems));
        shorthand.forEach(settings::put);
        List<DatasetFormat.Problem> found = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(settings, base, found);
        for (DatasetFormat.Problem problem : found) {
            String key = problem.setting() != null && given.contains(problem.setting()) ? problem.setting()
                    : SHORTHANDS.stream().map(Shorthand::key).filter(given::contains).findFirst().orElse(null);
            problems.add(key == null ? node : map.take(key).orElse(node), problem.message(), problem.fix());
        }
        return new DatasetSpec(name, resolved, trainLimit, validation);
    }

    /** A count of images, or a share of the training images below 1, as Keras' {@code validation_split}. */
    private static double validation(Node node, Problems problems) {
        Double value = YamlValues.scalar(node, "dataset.validation", Number.class,
                "a count of images (e.g. 12000) or a share of the training images below 1 (e.g. 0.2)", problems, Number::doubleValue);
        if (value == null) {
            return DatasetSpec.DEFAULT_VALIDATION;
        }
        boolean count = value >= 1 && value == Math.rint(value) && value <= Integer.MAX_VALUE;
        if (!count && !(value > 0 && value < 1)) {
            problems.add(node, "dataset.validation is " + YamlScalars.describe(node) + ", neither a whole count of images nor a "
                    + "share between 0 and 1", "give a count (validation: 12000) or a share (validation: 0.2)");
            return DatasetSpec.DEFAULT_VALIDATION;
        }
        return value;
    }

    /** {@code size: [H, W]} or {@code shape: [H, W, C]}: the format's height, width (and channels), checked as they are. */
    private static void shape(Node node, String key, int length, DatasetFormat format, List<String> given,
                              Map<String, Object> settings, Problems problems) {
        String example = length == 2 ? "size: [32, 32]" : "shape: [28, 28, 1]";
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().size() != length) {
            problems.add(node, "dataset." + key + " must be a list of " + length + " whole numbers, "
                    + (length == 2 ? "height and width" : "height, width and channels"), "e.g. " + example);
            return;
        }
        Map<String, ParameterDeclaration> declared = new LinkedHashMap<>();
        format.settings().forEach(s -> declared.put(s.name(), s));
        for (int i = 0; i < length; i++) {
            String setting = SHAPE_KEYS.get(i);
            Node item = sequence.getValue().get(i);
            if (!declared.containsKey(setting)) {
                problems.add(node, "the " + format.name() + " format has no " + setting + " for dataset." + key + " to set",
                        "remove " + key + ", or use a format that resizes (images) or reads a shape (csv)");
                return;
            }
            if (given.contains(setting)) {
                problems.add(node, "dataset." + key + " and dataset." + setting + " both give the " + setting,
                        "keep one of them");
                return;
            }
            long value = YamlValues.integer(item, "dataset." + key + "'s " + setting, 0, Integer.MAX_VALUE, problems);
            String wrong = declared.get(setting).problemWith((int) value);
            if (wrong != null) {
                problems.add(item, "dataset." + key + "'s " + setting + ": " + wrong, "e.g. " + example);
                return;
            }
            settings.put(setting, (int) value);
        }
    }

    /** The format named by {@code format:}, or by a shorthand (whose value then goes into {@code shorthand}). */
    private static String format(YamlMapping map, Node node, DatasetFormats formats, Map<String, Object> shorthand, Problems problems) {
        Optional<Node> formatNode = map.take("format");
        Optional<Node> nameNode = map.take("name");
        Map<Shorthand, Node> shorthands = new LinkedHashMap<>();
        SHORTHANDS.forEach(s -> map.take(s.key()).ifPresent(n -> shorthands.put(s, n)));
        int given = (formatNode.isPresent() ? 1 : 0) + (nameNode.isPresent() ? 1 : 0) + shorthands.size();
        if (given > 1) {
            problems.add(node, "dataset has more than one of format, name, idx_dir, images and csv",
                    "keep format: NAME with its settings (name: mnist, idx_dir: PATH, images: PATH and csv: FILE are its shorthands)");
            return null;
        }
        for (Map.Entry<Shorthand, Node> entry : shorthands.entrySet()) {
            String value = YamlValues.text(entry.getValue(), "dataset." + entry.getKey().key(), problems);
            if (value == null) {
                return null;
            }
            shorthand.put(entry.getKey().setting(), value);
            return entry.getKey().format();
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
