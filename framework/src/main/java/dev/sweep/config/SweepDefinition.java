package dev.sweep.config;

import dev.sweep.space.ArchitectureBranches;
import dev.sweep.sample.Sampler;
import dev.sweep.sample.SamplingSpace;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterSpec;

import dev.sweep.train.TrainerParameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sweep file, validated: everything needed to run it, and its text for provenance.
 *
 * @param branches    the architecture, or the architectures searched, each with its own parameters
 * @param conditions  when each conditional parameter is active
 * @param repeats     executions of every trial with different seeds (Keras Tuner's executions_per_trial)
 * @param maxFailures stop the sweep once this many of its trials have failed; null for no limit
 * @param parallel    trials run side by side in this process, each on one core
 * @param pruner      stops unpromising trials after an epoch; null for none
 * @param executor    what runs the trials: this process, or Spark
 */
public record SweepDefinition(String name, DatasetSpec dataset, ArchitectureBranches branches, StrategySpec strategy,
                              long seed, Objective objective, Map<String, ParameterSpec> parameters, Conditions conditions,
                              int repeats,
                              Integer maxFailures, int parallel, PrunerSpec pruner, ExecutorSpec executor, FirstTrials firstTrials, String yamlText,
                              Path source, java.time.Duration budget) {
    public SweepDefinition {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** What proposes the sweep's candidates: its keys, active ones only. */
    public Sampler sampler() {
        return strategy.create(new SamplingSpace(parameters, conditions), seed);
    }

    /**
     * The most epochs any trial may train, read from the space (a learning sampler's candidates are not known in
     * advance): the largest budget Hyperband plans for.
     */
    public int maxEpochs() {
        int max = 0;
        for (Map.Entry<String, ParameterSpec> e : parameters.entrySet()) {
            if (e.getKey().equals(TrainerParameters.EPOCHS) || e.getKey().endsWith("." + TrainerParameters.EPOCHS)) {
                max = Math.max(max, largest(e.getValue()));
            }
        }
        return max > 0 ? max : ((Number) TrainerParameters.byName().get(TrainerParameters.EPOCHS).defaultValue()).intValue();
    }

    private static int largest(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.Fixed f && f.value() instanceof Number n) {
            return n.intValue();
        }
        if (spec instanceof ParameterSpec.Choice c) {
            return c.values().stream().filter(v -> v instanceof Number).mapToInt(v -> ((Number) v).intValue()).max().orElse(0);
        }
        if (spec instanceof ParameterSpec.IntRange r) {
            return (int) (r.min() + r.stepCount() * r.step());
        }
        return 0;
    }

    /** How the sweep names its architectures: {@code mlp}, or {@code mlp, cnn} for a sweep over both. */
    public String architectureLabel() {
        return branches.label();
    }

    public SweepDefinition withName(String newName) {
        return new SweepDefinition(newName, dataset, branches, strategy, seed, objective, parameters, conditions, repeats, maxFailures,
                parallel, pruner, executor, firstTrials, yamlText, source, budget);
    }

    public SweepDefinition withParallel(int trials) {
        return new SweepDefinition(name, dataset, branches, strategy, seed, objective, parameters, conditions, repeats, maxFailures,
                trials, pruner, executor, firstTrials, yamlText, source, budget);
    }

    /** @param newBudget how long it may go on starting trials, in all its runs; null for no limit */
    public SweepDefinition withBudget(java.time.Duration newBudget) {
        return new SweepDefinition(name, dataset, branches, strategy, seed, objective, parameters, conditions, repeats, maxFailures,
                parallel, pruner, executor, firstTrials, yamlText, source, newBudget);
    }

    public SweepDefinition withExecutor(ExecutorSpec newExecutor) {
        return new SweepDefinition(name, dataset, branches, strategy, seed, objective, parameters, conditions, repeats, maxFailures,
                parallel, pruner, newExecutor, firstTrials, yamlText, source, budget);
    }
}
