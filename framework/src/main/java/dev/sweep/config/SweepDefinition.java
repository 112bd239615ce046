package dev.sweep.config;

import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.CandidateSequence;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.SearchStrategy;

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
public record SweepDefinition(String name, DatasetSpec dataset, ArchitectureBranches branches, SearchStrategy strategy,
                              long seed, Objective objective, Map<String, ParameterSpec> parameters, Conditions conditions,
                              int repeats,
                              Integer maxFailures, int parallel, PrunerSpec pruner, ExecutorSpec executor, String yamlText,
                              Path source) {
    public SweepDefinition {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The sweep's numbered candidates, each without its inactive parameters. */
    public CandidateSequence candidates() {
        return new CandidateSequence(parameters, conditions, strategy, seed);
    }

    /** How the sweep names its architectures: {@code mlp}, or {@code mlp, cnn} for a sweep over both. */
    public String architectureLabel() {
        return branches.label();
    }

    public SweepDefinition withName(String newName) {
        return new SweepDefinition(newName, dataset, branches, strategy, seed, objective, parameters, conditions, repeats, maxFailures,
                parallel, pruner, executor, yamlText, source);
    }

    public SweepDefinition withParallel(int trials) {
        return new SweepDefinition(name, dataset, branches, strategy, seed, objective, parameters, conditions, repeats, maxFailures,
                trials, pruner, executor, yamlText, source);
    }

    public SweepDefinition withExecutor(ExecutorSpec newExecutor) {
        return new SweepDefinition(name, dataset, branches, strategy, seed, objective, parameters, conditions, repeats, maxFailures,
                parallel, pruner, newExecutor, yamlText, source);
    }
}
