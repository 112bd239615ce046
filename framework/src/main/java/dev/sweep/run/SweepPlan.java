package dev.sweep.run;

import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.config.SweepDefinition;
import dev.sweep.data.DataSplit;
import dev.sweep.data.DatasetRepository;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.sample.Sampler;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterResolver;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;
import dev.sweep.train.NetworkFactory;
import dev.sweep.train.ThroughputProbe;
import dev.sweep.train.TrainerParameters;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a sweep file will do, without running it: its resolved space, its trials and a time estimate. */
public final class SweepPlan {
    /** Candidates whose speed is measured; the others are estimated from their average. */
    private static final int PROBED_CANDIDATES = 3;
    private static final int PROBE_STEPS = 2;
    /** Evaluation runs forward passes only: about a third of a training step's work per image. */
    private static final double EVAL_SPEEDUP = 3;

    private final ArchitectureRegistry architectures;
    private final DatasetRepository datasets;

    @Inject
    public SweepPlan(ArchitectureRegistry architectures, DatasetRepository datasets) {
        this.architectures = architectures;
        this.datasets = datasets;
    }

    /** One parameter as every trial of the sweep (or of its architecture) will see it. */
    public record Row(String name, String source, String values, String meaning) {
    }

    /**
     * One architecture of the sweep with its parameters as its trials see them.
     *
     * @param trials how many of the sweep's planned trials build it: its grid points, or its share of random draws
     */
    public record Branch(String architecture, int trials, List<Row> parameters) {
    }

    /**
     * @param branches             one per architecture, in the file's order
     * @param input                the images' height, width and channels, and the classes' count
     * @param trainImagesPerSecond measured for the first candidates, in candidate order (not for one that cannot run)
     * @param inputProblems        for each first candidate, why its architecture cannot take these images, or null
     */
    public record Plan(int trials, int trainImages, int validationImages, int testImages, ImageShape input, List<Branch> branches,
                       List<Map<String, Object>> firstCandidates, List<Double> trainImagesPerSecond, List<String> inputProblems,
                       double estimatedSeconds) {
    }

    public Plan plan(SweepDefinition definition, boolean measure) {
        // The enqueued sets are known now; a warm start's trials only once the store is open, when the sweep runs.
        Sampler sampler = FirstTrialsSource.enqueuedOnly(definition);
        int trials = sampler.planned();
        DataSplit data = datasets.split(definition.dataset());
        ArchitectureBranches branches = definition.branches();
        List<Map<String, Object>> candidates = sampler.firstWithoutHistory(trials);
        Map<String, ParameterResolver> resolvers = new LinkedHashMap<>();
        List<Branch> planned = new ArrayList<>();
        for (String name : branches.architectures()) {
            ParameterResolver resolver = architectures.resolver(branches, name, definition.parameters(), definition.conditions());
            resolvers.put(name, resolver);
            int count = (int) candidates.stream().filter(c -> branches.architectureOf(c).equals(name)).count();
            planned.add(new Branch(name, count, rows(architectures.declaredParameters(architectures.get(name)), resolver,
                    branches.specsFor(name, definition.parameters()), branches.conditionsFor(name, definition.conditions()))));
        }
        List<Map<String, Object>> first = candidates.subList(0, Math.min(3, trials));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> candidate : first) {
            String name = branches.architectureOf(candidate);
            problems.add(architectures.get(name).inputProblem(data.shape(), hyperParameters(resolvers.get(name), branches, candidate))
                    .orElse(null));
        }
        List<Double> speeds = new ArrayList<>();
        double seconds = Double.NaN;
        if (measure) {
            for (int i = 0; i < Math.min(PROBED_CANDIDATES, trials); i++) {
                String name = branches.architectureOf(candidates.get(i));
                HyperParameters parameters = hyperParameters(resolvers.get(name), branches, candidates.get(i));
                if (architectures.get(name).inputProblem(data.shape(), parameters).isPresent()) {
                    break; // it would fail at once; the time estimate comes from the candidates before it
                }
                Network network;
                try {
                    network = NetworkFactory.build(architectures.get(name), parameters, data.shape(), definition.seed());
                } catch (RuntimeException | LinkageError e) {
                    // As run does: such a trial fails and the sweep goes on; the estimate comes from the candidates before it.
                    problems.set(i, "architecture '" + name + "' cannot build its network (" + e + "); run records this trial "
                            + "FAILED");
                    break;
                }
                speeds.add(ThroughputProbe.trainImagesPerSecond(network, data.shape(), parameters.getInt(TrainerParameters.BATCH_SIZE),
                        PROBE_STEPS));
            }
            double meanSpeed = speeds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            seconds = 0;
            for (int i = 0; i < trials; i++) {
                double speed = i < speeds.size() ? speeds.get(i) : meanSpeed;
                Map<String, Object> candidate = candidates.get(i);
                int epochs = hyperParameters(resolvers.get(branches.architectureOf(candidate)), branches, candidate)
                        .getInt(TrainerParameters.EPOCHS);
                seconds += epochs * (data.train().count() + data.validationCount() / EVAL_SPEEDUP) / speed
                        + data.testCount() / EVAL_SPEEDUP / speed;
            }
        }
        return new Plan(trials, data.train().count(), data.validationCount(), data.testCount(), data.shape(), planned,
                first, speeds, problems, seconds);
    }

    private static HyperParameters hyperParameters(ParameterResolver resolver, ArchitectureBranches branches,
                                                   Map<String, Object> candidate) {
        return new HyperParameters(resolver.resolve(branches.parametersOf(candidate)).values());
    }

    private static List<Row> rows(Map<String, ParameterDeclaration> declared, ParameterResolver resolver,
                                  Map<String, ParameterSpec> specs, Conditions conditions) {
        List<Row> rows = new ArrayList<>();
        declared.forEach((name, declaration) -> {
            ParameterResolver.Source source = resolver.sourceOf(name);
            if (source != null) {
                String values = source == ParameterResolver.Source.DEFAULT ? ParameterValues.format(declaration.defaultValue())
                        : describe(specs.get(name));
                if (conditions.isConditional(name)) {
                    values += ", " + conditions.describe(name);
                }
                rows.add(new Row(name, source.label(), values, declaration.description()));
            }
        });
        return rows;
    }

    private static String describe(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.Fixed f) {
            return ParameterValues.format(f.value());
        }
        if (spec instanceof ParameterSpec.Choice c) {
            return "one of " + String.join(", ", c.values().stream().map(ParameterValues::format).toList());
        }
        if (spec instanceof ParameterSpec.FloatRange r) {
            return "float " + ParameterValues.format(r.min()) + ".." + ParameterValues.format(r.max()) + (r.log() ? ", log scale" : "")
                    + (r.stepped() ? ", step " + ParameterValues.format(r.step()) : "");
        }
        ParameterSpec.IntRange r = (ParameterSpec.IntRange) spec;
        return "int " + r.min() + ".." + r.max() + (r.step() == 1 ? "" : ", step " + r.step());
    }
}
