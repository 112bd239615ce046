package dev.sweep.config;

import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterSpec;
import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplerTypes;
import dev.sweep.sample.SamplingSpace;
import dev.sweep.data.DatasetFormats;
import dev.sweep.prune.PrunerTypes;
import dev.sweep.run.ExecutorTypes;
import jakarta.inject.Inject;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one sweep file and validates all of it against the registered architectures, reporting every problem. */
public final class SweepFileLoader {
    static final List<String> TOP_KEYS = List.of("name", "dataset", "architecture", "strategy", "seed", "objective", "parameters",
            "repeats", "max_failures", "parallel", "pruner", "executor", "enqueue", "warm_start", "budget");
    static final long DEFAULT_SEED = 42;
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final ArchitectureRegistry architectures;
    private final PrunerTypes pruners;
    private final SamplerTypes samplers;
    private final ExecutorTypes executors;
    private final DatasetFormats formats;

    /** With the pruners, samplers, executors and dataset formats on the framework's class path only. */
    public SweepFileLoader(ArchitectureRegistry architectures) {
        this(architectures, PrunerTypes.builtIn(), SamplerTypes.builtIn(), ExecutorTypes.builtIn(), DatasetFormats.builtIn());
    }

    @Inject
    public SweepFileLoader(ArchitectureRegistry architectures, PrunerTypes pruners, SamplerTypes samplers, ExecutorTypes executors,
                           DatasetFormats formats) {
        this.architectures = architectures;
        this.pruners = pruners;
        this.samplers = samplers;
        this.executors = executors;
        this.formats = formats;
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

        String name = YamlValues.requiredText(top, "name", problems);
        if (name != null && !name.matches(NAME_PATTERN)) {
            problems.add(top.take("name").get(), "name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit", "e.g. name: mlp-lr-search");
            name = null;
        }
        List<String> architectureNames = ArchitectureSection.read(top.take("architecture"), architectures, problems);
        DatasetSpec dataset = top.take("dataset").map(n -> DatasetSection.read(n, base, formats, problems)).orElse(DatasetSpec.mnist());
        StrategySpec strategy = top.take("strategy").map(n -> StrategySection.read(n, samplers, problems)).orElse(null);
        if (strategy == null && !top.keys().contains("strategy")) {
            problems.add(Optional.empty(), "'strategy' is missing", "add e.g. strategy: {type: random, trials: 10}");
        }
        long seed = top.take("seed").map(n -> YamlValues.integer(n, "seed", Long.MIN_VALUE, Long.MAX_VALUE, problems)).orElse(DEFAULT_SEED);
        Objective objective = top.take("objective").map(n -> ObjectiveSection.read(n, problems)).orElse(Objective.defaultFor("val_accuracy"));
        ParametersSection.Space space = top.take("parameters")
                .map(n -> ParametersSection.read(n, declarations(architectureNames), branchNames(architectureNames), problems))
                .orElse(ParametersSection.Space.EMPTY);
        Map<String, ParameterSpec> parameters = space.specs();
        int repeats = top.take("repeats").map(n -> (int) YamlValues.integer(n, "repeats", 1, 100, problems)).orElse(1);
        PrunerSpec pruner = top.take("pruner").map(n -> PrunerSection.read(n, pruners, problems)).orElse(null);
        if (pruner != null && strategy != null && strategy.reproducible()) {
            problems.add(top.take("pruner").get(), "a pruner does not combine with strategy.reproducible: whether it stops "
                    + "a trial depends on which other trials reached an epoch first", "remove the pruner, or reproducible");
        }
        if (pruner != null && repeats > 1) {
            problems.add(top.take("pruner").get(), "a pruner does not combine with repeats: it would judge one execution "
                    + "of a trial", "remove repeats, or the pruner");
        }
        int parallel = top.take("parallel").map(n -> (int) YamlValues.integer(n, "parallel", 1, 64, problems)).orElse(1);
        java.time.Duration budget = top.take("budget").map(n -> budget(n, problems)).orElse(null);
        Integer maxFailures = top.take("max_failures")
                .map(n -> (int) YamlValues.integer(n, "max_failures", 1, Integer.MAX_VALUE, problems)).orElse(null);
        ExecutorSpec executor = top.take("executor").map(n -> ExecutorSection.read(n, executors, problems)).orElse(ExecutorSpec.IN_PROCESS);
        SamplingSpace sampling = new SamplingSpace(parameters, space.conditions());
        FirstTrials first = new FirstTrials(top.take("enqueue").map(n -> EnqueueSection.read(n, sampling, problems)).orElse(List.of()),
                top.take("warm_start").map(n -> WarmStartSection.read(n, problems)).orElse(null));
        top.rejectUnknown(TOP_KEYS);
        problems.throwIfAny();

        if (strategy != null) {
            for (SamplerType.Problem problem : strategy.type().problemsWith(sampling, strategy.trials(), strategy.settings())) {
                problems.add(top.take("strategy").get(), problem.message(), problem.fix());
            }
            firstTrialsProblems(top, strategy, first, problems);
            problems.throwIfAny();
        }
        return new SweepDefinition(name, dataset, new ArchitectureBranches(architectureNames), strategy, seed, objective, parameters,
                space.conditions(), repeats, maxFailures, parallel, pruner, executor, first, text, file, budget);
    }

    private static java.time.Duration budget(Node node, Problems problems) {
        Object value = node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s ? YamlScalars.value(s) : null;
        StringBuilder problem = new StringBuilder();
        java.time.Duration budget = value == null ? null : TimeBudget.parse(String.valueOf(value), problem);
        if (budget == null) {
            problems.add(node, "budget: " + (problem.length() > 0 ? problem : "a duration, not a " + node.getNodeType()),
                    "give it with its unit, e.g. budget: 30m (s, m or h; 1.5h works)");
        }
        return budget;
    }

    /** Enqueued and warm-start trials are trials of the sweep: they need a sampler that draws, and room in its trials. */
    private static void firstTrialsProblems(YamlMapping top, StrategySpec strategy, FirstTrials first, Problems problems) {
        Node at = top.take("enqueue").orElseGet(() -> top.take("warm_start").orElse(null));
        if (at == null) {
            return;
        }
        if (strategy.type().plansItsOwnTrials()) {
            problems.add(at, strategy.name() + " search runs its own points, so it takes no enqueue or warm_start",
                    "use a sampler that draws (random, tpe, bayes, evolution), or remove enqueue and warm_start");
        } else if (first.count() > strategy.trials()) {
            problems.add(at, first.enqueued().size() + " enqueued sets" + (first.warmStart() == null ? ""
                            : " and warm_start.top " + first.warmStart().top()) + " need " + first.count()
                            + " trials, but strategy.trials is " + strategy.trials() + "; they count within it",
                    "raise strategy.trials to at least " + first.count() + ", or try fewer first");
        }
    }

    /** Each architecture's parameters with the trainer's, in the file's order; null for an unknown one. */
    private Map<String, Map<String, ParameterDeclaration>> declarations(List<String> names) {
        Map<String, Map<String, ParameterDeclaration>> declarations = new LinkedHashMap<>();
        names.forEach(n -> declarations.put(n, architectures.find(n).map(architectures::declaredParameters).orElse(null)));
        return declarations;
    }

    private Set<String> branchNames(List<String> names) {
        Set<String> all = new LinkedHashSet<>(architectures.names());
        all.addAll(names);
        return all;
    }
}
