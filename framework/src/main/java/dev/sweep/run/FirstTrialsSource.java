package dev.sweep.run;

import dev.sweep.config.ConfigurationException;
import dev.sweep.config.FirstTrials;
import dev.sweep.config.Objective;
import dev.sweep.config.SweepDefinition;
import dev.sweep.sample.FirstTrialsSampler;
import dev.sweep.sample.Observation;
import dev.sweep.sample.Sampler;
import dev.sweep.sample.SamplingSpace;
import dev.sweep.sample.Suggestion;
import dev.sweep.space.Membership;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's sampler with its {@code enqueue:} and {@code warm_start:} trials first. A warm start reads the other
 * sweep's best complete trials from the store each time the sweep runs: their searched values are tried again here,
 * and their results join the sampler's history, where they carry every key this sweep searches.
 */
final class FirstTrialsSource {
    static final String ENQUEUED = "enqueued";
    static final String WARM_START = "warm_start";

    private FirstTrialsSource() {
    }

    static Sampler sampler(SweepDefinition definition, ExperimentStore store) {
        Sampler sampler = definition.sampler();
        FirstTrials first = definition.firstTrials();
        if (first.isEmpty()) {
            return sampler;
        }
        SamplingSpace space = new SamplingSpace(definition.parameters(), definition.conditions());
        List<FirstTrialsSampler.Given> given = new ArrayList<>();
        first.enqueued().forEach(values -> given.add(new FirstTrialsSampler.Given(values, ENQUEUED)));
        List<Observation> prior = new ArrayList<>();
        if (first.warmStart() != null) {
            for (TrialRecord trial : best(definition, first.warmStart(), store)) {
                Map<String, Object> values = searchedValues(definition, space, trial);
                given.add(new FirstTrialsSampler.Given(values, WARM_START));
                FirstTrialsSampler.complete(space, values).ifPresent(full -> prior.add(new Observation(-1 - prior.size(), full,
                        TrialState.COMPLETE, trial.objectiveValue(), trial.epochsDone())));
            }
        }
        return new FirstTrialsSampler(sampler, space, given, prior, definition.seed());
    }

    /** The sampler with the enqueued sets only: what {@code plan} shows before any database is opened. */
    static Sampler enqueuedOnly(SweepDefinition definition) {
        List<FirstTrialsSampler.Given> given = definition.firstTrials().enqueued().stream()
                .map(values -> new FirstTrialsSampler.Given(values, ENQUEUED)).toList();
        return given.isEmpty() ? definition.sampler() : new FirstTrialsSampler(definition.sampler(),
                new SamplingSpace(definition.parameters(), definition.conditions()), given, List.of(), definition.seed());
    }

    /** The other sweep's best complete trials, at most {@code top}; refused if their objective is not this one. */
    private static List<TrialRecord> best(SweepDefinition definition, FirstTrials.WarmStart warmStart, ExperimentStore store) {
        String file = definition.source() == null ? definition.name() : definition.source().toString();
        if (warmStart.from().equals(definition.name())) {
            throw ConfigurationException.single(file, "warm_start.from names this sweep itself, '" + definition.name() + "'",
                    "name another sweep; a sweep that runs again resumes on its own");
        }
        SweepRecord source = store.findSweep(warmStart.from()).orElseThrow(() -> ConfigurationException.single(file,
                "warm_start.from: no sweep named '" + warmStart.from() + "' in " + store.location() + (store.sweeps().isEmpty()
                        ? ", which holds no sweeps" : "; known: " + String.join(", ", store.sweeps().stream().map(SweepRecord::name).toList())),
                "name a sweep of this database, or pass the database that holds it with --db"));
        Objective objective = definition.objective();
        boolean maximize = objective.goal() == Objective.Goal.MAXIMIZE;
        if (!source.objectiveMetric().equals(objective.metric()) || source.maximizes() != maximize) {
            throw ConfigurationException.single(file, "warm_start.from: sweep '" + source.name() + "' has objective "
                            + source.objectiveMetric() + " (" + source.objectiveGoal().toLowerCase() + "), this one "
                            + objective.metric() + " (" + objective.goal().name().toLowerCase() + "): its results do not compare",
                    "warm-start from a sweep with the same objective, or give this one its objective");
        }
        Comparator<TrialRecord> byObjective = Comparator.comparingDouble(TrialRecord::objectiveValue);
        List<TrialRecord> complete = new ArrayList<>(store.trials(source.id()).stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.objectiveValue() != null).toList());
        complete.sort(maximize ? byObjective.reversed() : byObjective);
        if (complete.isEmpty()) {
            throw ConfigurationException.single(file, "warm_start.from: sweep '" + source.name() + "' has no complete trial",
                    "let it finish a trial first (run its file again to resume it), or remove warm_start");
        }
        return complete.subList(0, Math.min(warmStart.top(), complete.size()));
    }

    /**
     * The trial's values of this sweep's searched keys; every one must be a value this sweep could draw, so a warm
     * start never tries what the space has since ruled out.
     */
    private static Map<String, Object> searchedValues(SweepDefinition definition, SamplingSpace space, TrialRecord trial) {
        Suggestion stored = StoredCandidates.of(trial).orElseGet(() -> new Suggestion(new LinkedHashMap<>(trial.parameters()), "", List.of()));
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> outside = new ArrayList<>();
        space.specs().forEach((key, spec) -> {
            Object value = stored.values().get(key);
            if (spec.isFixed() || value == null) {
                return;
            }
            String why = Membership.whyOutside(spec, value);
            if (why == null) {
                values.put(key, value);
            } else {
                outside.add(key + " = " + value + " " + why);
            }
        });
        if (!outside.isEmpty()) {
            String file = definition.source() == null ? definition.name() : definition.source().toString();
            throw ConfigurationException.single(file, "warm_start: trial " + trial.id() + " of sweep '" + trial.sweepName()
                            + "' is outside this sweep's space: " + String.join("; ", outside),
                    "widen parameters to hold it, or lower warm_start.top below its rank");
        }
        return values;
    }
}
