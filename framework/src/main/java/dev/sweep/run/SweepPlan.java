package dev.sweep.run;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.HyperParameters;
import dev.sweep.config.SweepDefinition;
import dev.sweep.data.DataSplit;
import dev.sweep.data.DatasetRepository;
import dev.sweep.space.CandidateSequence;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterResolver;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;
import dev.sweep.train.NetworkFactory;
import dev.sweep.train.ThroughputProbe;
import dev.sweep.train.TrainerParameters;
import jakarta.inject.Inject;

import java.util.ArrayList;
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

    /** One parameter as every trial of the sweep will see it. */
    public record Row(String name, String source, String values, String meaning) {
    }

    /** @param trainImagesPerSecond measured for the first candidates, in candidate order */
    public record Plan(int trials, int trainImages, int validationImages, int testImages, List<Row> parameters,
                       List<Map<String, Object>> firstCandidates, List<Double> trainImagesPerSecond,
                       double estimatedSeconds) {
    }

    public Plan plan(SweepDefinition definition, boolean measure) {
        CandidateSequence sequence = definition.candidates();
        int trials = sequence.plannedCount();
        DataSplit data = datasets.split(definition.dataset());
        Architecture architecture = architectures.get(definition.architecture());
        Map<String, ParameterDeclaration> declared = architectures.declaredParameters(architecture);
        ParameterResolver resolver = architectures.resolver(architecture, definition.parameters(), definition.conditions());
        List<Row> rows = new ArrayList<>();
        declared.forEach((name, declaration) -> {
            ParameterResolver.Source source = resolver.sourceOf(name);
            if (source != null) {
                String values = source == ParameterResolver.Source.DEFAULT ? ParameterValues.format(declaration.defaultValue())
                        : describe(definition.parameters().get(name));
                if (definition.conditions().isConditional(name)) {
                    values += ", " + definition.conditions().describe(name);
                }
                rows.add(new Row(name, source.label(), values, declaration.description()));
            }
        });
        List<Map<String, Object>> candidates = sequence.first(trials);
        List<Double> speeds = new ArrayList<>();
        double seconds = Double.NaN;
        if (measure) {
            for (int i = 0; i < Math.min(PROBED_CANDIDATES, trials); i++) {
                HyperParameters parameters = new HyperParameters(resolver.resolve(candidates.get(i)).values());
                speeds.add(ThroughputProbe.trainImagesPerSecond(
                        NetworkFactory.build(architecture, parameters, data.shape(), definition.seed()), data.shape(),
                        parameters.getInt(TrainerParameters.BATCH_SIZE), PROBE_STEPS));
            }
            double meanSpeed = speeds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            seconds = 0;
            for (int i = 0; i < trials; i++) {
                double speed = i < speeds.size() ? speeds.get(i) : meanSpeed;
                int epochs = new HyperParameters(resolver.resolve(candidates.get(i)).values()).getInt(TrainerParameters.EPOCHS);
                seconds += epochs * (data.train().count() + data.validationCount() / EVAL_SPEEDUP) / speed
                        + data.testCount() / EVAL_SPEEDUP / speed;
            }
        }
        return new Plan(trials, data.train().count(), data.validationCount(), data.testCount(), rows,
                candidates.subList(0, Math.min(3, trials)), speeds, seconds);
    }

    private static String describe(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.Fixed f) {
            return ParameterValues.format(f.value());
        }
        if (spec instanceof ParameterSpec.Choice c) {
            return "one of " + String.join(", ", c.values().stream().map(ParameterValues::format).toList());
        }
        if (spec instanceof ParameterSpec.FloatRange r) {
            return "float " + ParameterValues.format(r.min()) + ".." + ParameterValues.format(r.max()) + (r.log() ? ", log scale" : "");
        }
        ParameterSpec.IntRange r = (ParameterSpec.IntRange) spec;
        return "int " + r.min() + ".." + r.max() + (r.step() == 1 ? "" : ", step " + r.step());
    }
}
