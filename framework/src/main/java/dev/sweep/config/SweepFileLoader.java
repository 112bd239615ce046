package dev.sweep.config;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.space.CandidateSequence;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterType;
import dev.sweep.space.ParameterValues;
import dev.sweep.space.SearchStrategy;
import jakarta.inject.Inject;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads one sweep file and validates all of it against the registered architectures, reporting every problem. */
public final class SweepFileLoader {
    static final List<String> TOP_KEYS = List.of("name", "dataset", "architecture", "strategy", "seed", "objective", "parameters",
            "repeats", "max_failures", "parallel", "pruner", "executor");
    static final List<String> EXECUTOR_KEYS = List.of("type", "master", "conf", "ship_data");
    static final List<String> PRUNER_KEYS = List.of("type", "warmup_epochs", "min_trials", "min_epochs", "reduction");
    static final List<String> DATASET_KEYS = List.of("name", "idx_dir", "train_limit", "validation");
    static final List<String> STRATEGY_KEYS = List.of("type", "trials", "points");
    static final List<String> OBJECTIVE_KEYS = List.of("metric", "goal");
    static final List<String> RANGE_KEYS = List.of("values", "float", "int", "scale", "step");
    static final long DEFAULT_SEED = 42;
    private static final int MAX_GRID_POINTS = 100_000;
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final ArchitectureRegistry architectures;

    @Inject
    public SweepFileLoader(ArchitectureRegistry architectures) {
        this.architectures = architectures;
    }

    public SweepDefinition load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw ConfigurationException.single(file.toString(), "cannot read the sweep file: " + e,
                    "check the path; sweep files live in search-spaces/");
        }
        return parse(text, file);
    }

    public SweepDefinition parse(String text, Path file) {
        String label = file.toString();
        Problems problems = new Problems(label);
        Node root = SweepFileYaml.compose(text, label, problems);
        if (root == null || !problems.isEmpty()) {
            problems.throwIfAny();
            throw ConfigurationException.single(label, "the sweep file is empty", "start from search-spaces/quickstart.yaml");
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(root, "a sweep file is a mapping of keys (name, architecture, strategy, parameters, ...), not "
                    + YamlScalars.describe(root), "start from search-spaces/quickstart.yaml");
            problems.throwIfAny();
            throw new IllegalStateException();
        }
        YamlMapping top = new YamlMapping(mapping, "the sweep file", problems);
        Path base = file.toAbsolutePath().getParent();

        String name = requiredText(top, "name", problems);
        if (name != null && !name.matches(NAME_PATTERN)) {
            problems.add(top.take("name").get(), "name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit", "e.g. name: mlp-lr-search");
            name = null;
        }
        String architectureName = requiredText(top, "architecture", problems);
        Architecture architecture = architectureName == null ? null : architectures.find(architectureName).orElse(null);
        if (architectureName != null) {
            if (architecture == null) {
                problems.add(top.take("architecture").get(), "unknown architecture '" + architectureName + "'."
                                + DidYouMean.hint(architectureName, architectures.names()),
                        "known architectures: " + String.join(", ", architectures.names()) + " (see ./sweep architectures)");
            }
        }
        DatasetSpec dataset = top.take("dataset").map(n -> dataset(n, base, problems)).orElse(DatasetSpec.mnist());
        SearchStrategy strategy = top.take("strategy").map(n -> strategy(n, problems)).orElse(null);
        if (strategy == null && !top.keys().contains("strategy")) {
            problems.add(Optional.empty(), "'strategy' is missing", "add e.g. strategy: {type: random, trials: 10}");
        }
        long seed = top.take("seed").map(n -> integer(n, "seed", Long.MIN_VALUE, Long.MAX_VALUE, problems)).orElse(DEFAULT_SEED);
        Objective objective = top.take("objective").map(n -> objective(n, problems)).orElse(Objective.defaultFor("val_accuracy"));
        Map<String, ParameterSpec> parameters = top.take("parameters")
                .map(n -> parameters(n, architecture, architectureName, problems)).orElse(Map.of());
        int repeats = top.take("repeats").map(n -> (int) integer(n, "repeats", 1, 100, problems)).orElse(1);
        PrunerSpec pruner = top.take("pruner").map(n -> pruner(n, problems)).orElse(null);
        if (pruner != null && repeats > 1) {
            problems.add(top.take("pruner").get(), "a pruner does not combine with repeats: it would judge one execution "
                    + "of a trial", "remove repeats, or the pruner");
        }
        int parallel = top.take("parallel").map(n -> (int) integer(n, "parallel", 1, 64, problems)).orElse(1);
        Integer maxFailures = top.take("max_failures")
                .map(n -> (int) integer(n, "max_failures", 1, Integer.MAX_VALUE, problems)).orElse(null);
        ExecutorSpec executor = top.take("executor").map(n -> executor(n, problems)).orElse(ExecutorSpec.IN_PROCESS);
        top.rejectUnknown(TOP_KEYS);
        problems.throwIfAny();

        if (strategy != null && strategy.type() == SearchStrategy.Type.GRID) {
            int size;
            try {
                size = new CandidateSequence(parameters, strategy, seed).plannedCount();
            } catch (IllegalStateException e) {
                size = Integer.MAX_VALUE;
            }
            if (size > MAX_GRID_POINTS) {
                problems.add(top.take("strategy").get(), "the grid has " + (size == Integer.MAX_VALUE ? "over 2 billion" : size)
                        + " points, more than " + MAX_GRID_POINTS, "lower points, use fewer values, or use type: random");
                problems.throwIfAny();
            }
        }
        return new SweepDefinition(name, dataset, architectureName, strategy, seed, objective, parameters, repeats, maxFailures, parallel, pruner,
                executor, text, file);
    }

    // ---- sections

    private static PrunerSpec pruner(Node node, Problems problems) {
        YamlMapping map = mapping(node, "pruner", "e.g. pruner: {type: median, warmup_epochs: 1}", problems);
        if (map == null) {
            return null;
        }
        String type = type(node, map, "pruner", PrunerSpec.TYPES, "median, asha or hyperband", problems);
        int warmup = map.take("warmup_epochs").map(n -> (int) integer(n, "pruner.warmup_epochs", 0, 10_000, problems)).orElse(1);
        int minTrials = map.take("min_trials").map(n -> (int) integer(n, "pruner.min_trials", 1, 10_000, problems)).orElse(5);
        int minEpochs = map.take("min_epochs").map(n -> (int) integer(n, "pruner.min_epochs", 1, 10_000, problems)).orElse(1);
        int reduction = map.take("reduction").map(n -> (int) integer(n, "pruner.reduction", 2, 100, problems)).orElse(3);
        List<String> allowed = type == null ? PRUNER_KEYS : switch (type) {
            case "median" -> List.of("type", "warmup_epochs", "min_trials");
            default -> List.of("type", "min_epochs", "reduction");
        };
        for (String key : List.of("warmup_epochs", "min_trials", "min_epochs", "reduction")) {
            if (!allowed.contains(key) && map.keys().contains(key)) {
                problems.add(map.keyNode(key), key + " is not a setting of the " + type + " pruner",
                        "its settings are: " + String.join(", ", allowed.subList(1, allowed.size())));
            }
        }
        map.rejectUnknown(PRUNER_KEYS);
        return type == null ? null : new PrunerSpec(type, warmup, minTrials, minEpochs, reduction);
    }

    /** A section's {@code type:}, one of {@code types}; null, with a problem reported, when missing or unknown. */
    private static String type(Node node, YamlMapping map, String section, List<String> types, String choices, Problems problems) {
        String type = map.take("type").map(n -> text(n, section + ".type", problems)).orElse(null);
        if (type == null) {
            problems.add(node, section + " needs a type", "type: " + choices);
        } else if (!types.contains(type)) {
            problems.add(map.take("type").get(), "unknown " + section + " '" + type + "'." + DidYouMean.hint(type, types),
                    "use type: " + choices);
            return null;
        }
        return type;
    }

    private static ExecutorSpec executor(Node node, Problems problems) {
        YamlMapping map = mapping(node, "executor", "e.g. executor: {type: spark, master: \"local[2]\"}", problems);
        if (map == null) {
            return null;
        }
        String type = type(node, map, "executor", ExecutorSpec.TYPES, "local (this process) or spark", problems);
        String master = map.take("master").map(n -> text(n, "executor.master", problems)).orElse(null);
        if (ExecutorSpec.SPARK.equals(type) && master == null) {
            problems.add(node, "a spark executor needs a master", "e.g. master: \"local[2]\", \"spark://HOST:7077\", yarn or k8s://URL");
        } else if (ExecutorSpec.LOCAL.equals(type) && master != null) {
            problems.add(map.take("master").get(), "the local executor has no master", "remove master, or use type: spark");
        }
        Map<String, String> conf = new LinkedHashMap<>();
        map.take("conf").ifPresent(n -> {
            YamlMapping settings = mapping(n, "executor.conf", "e.g. conf: {spark.executor.memory: 4g}", problems);
            if (settings == null) {
                return;
            }
            for (String key : settings.keys()) {
                String value = settings.take(key)
                        .map(v -> scalar(v, "executor.conf." + key, Object.class, "a value", problems, String::valueOf)).orElse(null);
                if (!key.startsWith("spark.")) {
                    problems.add(settings.keyNode(key), "'" + key + "' is not a Spark setting", "Spark settings start with spark.");
                } else if (value != null) {
                    conf.put(key, value);
                }
            }
        });
        boolean shipData = map.take("ship_data").map(n -> bool(n, "executor.ship_data", problems)).orElse(false);
        if (shipData && ExecutorSpec.LOCAL.equals(type)) {
            problems.add(map.keyNode("ship_data"), "the local executor reads the data in this process", "remove ship_data");
        }
        map.rejectUnknown(EXECUTOR_KEYS);
        return type == null ? null : new ExecutorSpec(type, master, conf, shipData);
    }

    private static DatasetSpec dataset(Node node, Path base, Problems problems) {
        YamlMapping map = mapping(node, "dataset", "e.g. dataset: {name: mnist, validation: 12000}", problems);
        if (map == null) {
            return null;
        }
        String name = map.take("name").map(n -> text(n, "dataset.name", problems)).orElse(null);
        Path idxDir = map.take("idx_dir").map(n -> {
            String dir = text(n, "dataset.idx_dir", problems);
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
        Integer trainLimit = map.take("train_limit").map(n -> (int) integer(n, "dataset.train_limit", 1, Integer.MAX_VALUE, problems))
                .orElse(null);
        int validation = map.take("validation").map(n -> (int) integer(n, "dataset.validation", 1, Integer.MAX_VALUE, problems))
                .orElse(DatasetSpec.DEFAULT_VALIDATION);
        map.rejectUnknown(DATASET_KEYS);
        return new DatasetSpec(name, idxDir, trainLimit, validation);
    }

    private static SearchStrategy strategy(Node node, Problems problems) {
        YamlMapping map = mapping(node, "strategy", "e.g. strategy: {type: random, trials: 10}", problems);
        if (map == null) {
            return null;
        }
        String type = map.take("type").map(n -> text(n, "strategy.type", problems)).orElse(null);
        SearchStrategy result = null;
        if (type == null) {
            problems.add(node, "strategy needs a type", "type: random (with trials: N) or type: grid (with points: N)");
        } else if (type.equals("random")) {
            Optional<Node> trials = map.take("trials");
            if (trials.isEmpty()) {
                problems.add(node, "random search needs the number of trials", "add trials: N");
            } else {
                result = SearchStrategy.random((int) integer(trials.get(), "strategy.trials", 1, 1_000_000, problems));
            }
            map.take("points").ifPresent(n -> problems.add(map.keyNode("points"), "points is for grid search",
                    "remove it, or use type: grid"));
        } else if (type.equals("grid")) {
            int points = map.take("points").map(n -> (int) integer(n, "strategy.points", 1, 1000, problems)).orElse(3);
            result = SearchStrategy.grid(points);
            map.take("trials").ifPresent(n -> problems.add(map.keyNode("trials"), "grid search runs every point; trials is for random search",
                    "remove trials, or use type: random"));
        } else {
            map.take("trials");
            map.take("points");
            problems.add(map.take("type").get(), "unknown strategy type '" + type + "'." + DidYouMean.hint(type, List.of("random", "grid")),
                    "use type: random or type: grid");
        }
        map.rejectUnknown(STRATEGY_KEYS);
        return result;
    }

    private static Objective objective(Node node, Problems problems) {
        YamlMapping map = mapping(node, "objective", "e.g. objective: {metric: val_accuracy, goal: maximize}", problems);
        if (map == null) {
            return null;
        }
        String metric = map.take("metric").map(n -> text(n, "objective.metric", problems)).orElse("val_accuracy");
        if (!Objective.METRICS.contains(metric)) {
            problems.add(map.take("metric").get(), "unknown objective metric '" + metric + "'." + DidYouMean.hint(metric, Objective.METRICS),
                    "use one of: " + String.join(", ", Objective.METRICS));
        }
        Objective objective = Objective.defaultFor(metric);
        Optional<Node> goalNode = map.take("goal");
        if (goalNode.isPresent()) {
            String goal = text(goalNode.get(), "objective.goal", problems);
            if ("maximize".equals(goal) || "minimize".equals(goal)) {
                objective = new Objective(metric, Objective.Goal.valueOf(goal.toUpperCase()));
            } else if (goal != null) {
                problems.add(goalNode.get(), "goal must be maximize or minimize, not '" + goal + "'", "use goal: maximize");
            }
        }
        map.rejectUnknown(OBJECTIVE_KEYS);
        return objective;
    }

    private Map<String, ParameterSpec> parameters(Node node, Architecture architecture, String architectureName, Problems problems) {
        YamlMapping map = mapping(node, "parameters", "e.g. parameters: {epochs: 1, learning_rate: {float: [1.0e-4, 1.0e-2], scale: log}}",
                problems);
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        if (map == null) {
            return specs;
        }
        Map<String, ParameterDeclaration> declared = architecture == null ? null : architectures.declaredParameters(architecture);
        for (String name : map.keys()) {
            Node value = map.take(name).get();
            ParameterDeclaration declaration = declared == null ? null : declared.get(name);
            if (declared != null && declaration == null) {
                problems.add(map.keyNode(name), "parameter '" + name + "' is not declared by architecture '" + architectureName
                                + "' nor by the trainer." + DidYouMean.hint(name, declared.keySet()),
                        "use one of: " + String.join(", ", declared.keySet()));
                continue;
            }
            ParameterSpec spec = parameter(name, value, declaration, problems);
            if (spec != null) {
                specs.put(name, spec);
            }
        }
        return specs;
    }

    /** One parameter's value; {@code declaration} is null when the architecture is unknown (already reported). */
    private static ParameterSpec parameter(String name, Node node, ParameterDeclaration declaration, Problems problems) {
        if (node instanceof ScalarNode scalar) {
            Object value = coerce(YamlScalars.value(scalar), declaration);
            return checked(name, node, value, declaration, problems) ? new ParameterSpec.Fixed(value) : null;
        }
        if (node instanceof SequenceNode) {
            problems.add(node, "parameter '" + name + "' is a bare list", "to search over these values write " + name
                    + ": {values: [...]}");
            return null;
        }
        YamlMapping map = new YamlMapping((MappingNode) node, "parameter '" + name + "'", problems);
        List<String> forms = map.keys().stream().filter(k -> List.of("values", "float", "int").contains(k)).toList();
        if (forms.size() != 1) {
            problems.add(node, "parameter '" + name + "' needs exactly one of values, float or int" + (forms.isEmpty() ? "" : ", not "
                    + String.join(" and ", forms)), "e.g. " + name + ": " + example(declaration));
            map.rejectUnknown(RANGE_KEYS);
            return null;
        }
        ParameterSpec spec = switch (forms.get(0)) {
            case "values" -> choice(name, map.take("values").get(), declaration, problems);
            case "float" -> floatRange(name, map, declaration, problems);
            default -> intRange(name, map, declaration, problems);
        };
        if (!forms.get(0).equals("float")) {
            map.take("scale").ifPresent(n -> problems.add(map.keyNode("scale"), "scale is for float ranges", "remove it"));
        }
        if (forms.get(0).equals("values")) {
            map.take("step").ifPresent(n -> problems.add(map.keyNode("step"), "step is for int and float ranges", "remove it"));
        }
        map.rejectUnknown(RANGE_KEYS);
        return spec;
    }

    private static ParameterSpec choice(String name, Node node, ParameterDeclaration declaration, Problems problems) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, "values of '" + name + "' must be a non-empty list", "e.g. values: " + example(declaration));
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                problems.add(item, "each value of '" + name + "' must be a single value, not " + YamlScalars.describe(item), null);
                ok = false;
                continue;
            }
            Object value = coerce(YamlScalars.value(scalar), declaration);
            if (values.contains(value)) {
                problems.add(item, "value " + ParameterValues.describe(value) + " of '" + name + "' is listed twice", "list it once");
                ok = false;
            }
            ok &= checked(name, item, value, declaration, problems);
            values.add(value);
        }
        return ok ? new ParameterSpec.Choice(values) : null;
    }

    private static ParameterSpec floatRange(String name, YamlMapping map, ParameterDeclaration declaration, Problems problems) {
        Node node = map.take("float").get();
        if (declaration != null && declaration.type() != ParameterType.FLOAT) {
            problems.add(node, "'" + name + "' is " + declaration.allowedText() + ", not a float range",
                    "e.g. " + name + ": " + example(declaration));
            return null;
        }
        double[] bounds = bounds(name, node, "float", Number.class, problems);
        String scale = map.take("scale").map(n -> text(n, name + ".scale", problems)).orElse("linear");
        boolean log = "log".equals(scale);
        boolean ok = bounds != null;
        if (!log && !"linear".equals(scale)) {
            problems.add(map.take("scale").get(), "scale must be linear or log, not '" + scale + "'", "use scale: log for rates");
            ok = false;
        }
        if (ok && log && bounds[0] <= 0) {
            problems.add(node, "a log scale needs a positive minimum, '" + name + "' starts at " + ParameterValues.format(bounds[0]),
                    "raise the minimum above 0, or use scale: linear");
            ok = false;
        }
        if (ok) {
            ok = checked(name, node, bounds[0], declaration, problems) & checked(name, node, bounds[1], declaration, problems);
        }
        Optional<Node> stepNode = map.take("step");
        if (stepNode.isPresent() && ok) {
            Object step = stepNode.get() instanceof ScalarNode s ? YamlScalars.value(s) : null;
            if (!(step instanceof Number n) || n.doubleValue() <= 0) {
                problems.add(stepNode.get(), "step of '" + name + "' must be a positive number", "e.g. step: 0.1");
                return null;
            }
            if (log) {
                problems.add(stepNode.get(), "step and scale: log do not go together", "remove one of them");
                return null;
            }
            // A stepped float range is a choice among its steps, as in Keras Tuner's hp.Float(step=...).
            double s = n.doubleValue();
            double steps = Math.floor((bounds[1] - bounds[0]) / s) + 1;
            if (steps > MAX_GRID_POINTS) {
                problems.add(stepNode.get(), String.format(java.util.Locale.ROOT, "the stepped range of '%s' has %.3g steps, "
                        + "more than %,d", name, steps, MAX_GRID_POINTS), "raise step, or drop it to search the range itself");
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (long k = 0; bounds[0] + k * s <= bounds[1] + 1e-9 * s; k++) {
                values.add(Double.parseDouble(ParameterValues.format(bounds[0] + k * s)));
            }
            return new ParameterSpec.Choice(values);
        }
        return ok ? new ParameterSpec.FloatRange(bounds[0], bounds[1], log) : null;
    }

    private static ParameterSpec intRange(String name, YamlMapping map, ParameterDeclaration declaration, Problems problems) {
        Node node = map.take("int").get();
        if (declaration != null && declaration.type() != ParameterType.INT) {
            problems.add(node, "'" + name + "' is " + declaration.allowedText() + ", not an integer range",
                    "e.g. " + name + ": " + example(declaration));
            return null;
        }
        double[] bounds = bounds(name, node, "int", Integer.class, problems);
        long step = map.take("step").map(n -> integer(n, name + ".step", 1, Integer.MAX_VALUE, problems)).orElse(1L);
        if (bounds == null) {
            return null;
        }
        boolean ok = checked(name, node, (int) bounds[0], declaration, problems) & checked(name, node, (int) bounds[1], declaration, problems);
        return ok ? new ParameterSpec.IntRange((long) bounds[0], (long) bounds[1], step) : null;
    }

    /** [min, max] with min not above max, or null after reporting. */
    private static double[] bounds(String name, Node node, String form, Class<?> type, Problems problems) {
        String fix = "write " + form + ": [MIN, MAX]";
        if (!(node instanceof SequenceNode seq) || seq.getValue().size() != 2
                || !(seq.getValue().get(0) instanceof ScalarNode lo) || !(seq.getValue().get(1) instanceof ScalarNode hi)) {
            problems.add(node, "the " + form + " range of '" + name + "' must be a list of two numbers", fix);
            return null;
        }
        Object min = YamlScalars.value(lo);
        Object max = YamlScalars.value(hi);
        boolean integral = type == Integer.class;
        if (!(min instanceof Number) || !(max instanceof Number)
                || integral && (!(min instanceof Integer) || !(max instanceof Integer))) {
            problems.add(node, "the " + form + " range of '" + name + "' must hold two " + (integral ? "integers" : "numbers")
                    + ", got " + ParameterValues.describe(min) + " and " + ParameterValues.describe(max), fix);
            return null;
        }
        double a = ((Number) min).doubleValue();
        double b = ((Number) max).doubleValue();
        if (a > b) {
            problems.add(node, "the " + form + " range of '" + name + "' has min " + ParameterValues.format(min)
                    + " greater than max " + ParameterValues.format(max), "swap them: " + form + ": ["
                    + ParameterValues.format(max) + ", " + ParameterValues.format(min) + "]");
            return null;
        }
        return new double[]{a, b};
    }

    // ---- scalars

    private static Object coerce(Object value, ParameterDeclaration declaration) {
        if (declaration != null && declaration.type() == ParameterType.FLOAT && (value instanceof Integer || value instanceof Long)) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    private static boolean checked(String name, Node at, Object value, ParameterDeclaration declaration, Problems problems) {
        if (declaration == null) {
            return true;
        }
        String problem = declaration.problemWith(value);
        if (problem != null) {
            problems.add(at, "'" + name + "' " + problem, name + " is " + declaration.allowedText() + ": " + declaration.description());
            return false;
        }
        return true;
    }

    private static String example(ParameterDeclaration declaration) {
        if (declaration == null) {
            return "{values: [A, B]}";
        }
        return switch (declaration.type()) {
            case INT -> "{int: [" + (long) declaration.min().doubleValue() + ", " + (long) Math.min(declaration.max(), 512) + "]}";
            case FLOAT -> "{float: [" + ParameterValues.format(declaration.min()) + ", " + ParameterValues.format(declaration.max()) + "]}";
            case CHOICE -> "{values: [" + String.join(", ", declaration.choices()) + "]}";
            case BOOLEAN -> "{values: [true, false]}";
        };
    }

    private static YamlMapping mapping(Node node, String where, String fix, Problems problems) {
        if (!(node instanceof MappingNode m)) {
            problems.add(node, where + " must be a mapping, not " + YamlScalars.describe(node), fix);
            return null;
        }
        return new YamlMapping(m, where, problems);
    }

    private static String requiredText(YamlMapping map, String key, Problems problems) {
        Optional<Node> node = map.take(key);
        if (node.isEmpty()) {
            problems.add(Optional.empty(), "'" + key + "' is missing", "add " + key + ": ... at the top of the file");
            return null;
        }
        return text(node.get(), key, problems);
    }

    private static String text(Node node, String what, Problems problems) {
        return scalar(node, what, String.class, "text", problems, v -> v);
    }

    private static boolean bool(Node node, String what, Problems problems) {
        return Boolean.TRUE.equals(scalar(node, what, Boolean.class, "true or false", problems, v -> v));
    }

    private static long integer(Node node, String what, long min, long max, Problems problems) {
        Long v = scalar(node, what, Number.class, "an integer", problems,
                n -> n instanceof Integer || n instanceof Long ? n.longValue() : null);
        if (v == null) {
            return min;
        }
        if (v < min || v > max) {
            problems.add(node, what + " must be between " + min + " and " + max + ", not " + v, null);
            return min;
        }
        return v;
    }

    private static <T, R> R scalar(Node node, String what, Class<T> type, String expected, Problems problems, Function<T, R> convert) {
        Object value = node instanceof ScalarNode s ? YamlScalars.value(s) : null;
        R result = type.isInstance(value) ? convert.apply(type.cast(value)) : null;
        if (result == null) {
            problems.add(node, what + " must be " + expected + ", not " + YamlScalars.describe(node), null);
        }
        return result;
    }
}
