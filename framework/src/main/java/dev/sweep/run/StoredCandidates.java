package dev.sweep.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.sample.Observation;
import dev.sweep.sample.SamplerHistory;
import dev.sweep.sample.Suggestion;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sampler's draws as the store keeps them, inside each trial's configuration: read back to resume a trial with
 * the candidate it was given, and to show a learning sampler the sweep's history.
 */
final class StoredCandidates {
    static final String CANDIDATE = "candidate";
    static final String SAMPLER = "sampler";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredCandidates() {
    }

    /** The suggestion the trial was started with; empty for trials stored before Sweep kept it. */
    static Optional<Suggestion> of(TrialRecord trial) {
        JsonNode config;
        try {
            config = JSON.readTree(trial.configJson());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        JsonNode candidate = config == null ? null : config.get(CANDIDATE);
        if (candidate == null || !candidate.isObject()) {
            return Optional.empty();
        }
        Map<String, Object> values = JSON.convertValue(candidate, JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        JsonNode sampler = config.path(SAMPLER);
        List<Integer> saw = new ArrayList<>();
        sampler.path("saw").forEach(n -> saw.add(n.asInt()));
        return Optional.of(new Suggestion(values, sampler.path("basis").asText("stored"), saw));
    }

    /**
     * What trial {@code number} sees on the fixed schedule of {@code window}: trials up to number - window as they
     * ended, the window's others as running, later ones not at all, however far they have really got.
     */
    static SamplerHistory historyOnSchedule(List<TrialRecord> trials, boolean maximize, int number, int window) {
        List<Observation> observations = new ArrayList<>();
        for (Observation o : history(trials, maximize).trials()) {
            if (o.number() <= number - window) {
                observations.add(o);
            } else if (o.number() < number) {
                observations.add(new Observation(o.number(), o.values(), TrialState.RUNNING, null, 0));
            }
        }
        return new SamplerHistory(observations, maximize);
    }

    /** The trials a sampler learns from; those without a stored candidate are left out. */
    static SamplerHistory history(List<TrialRecord> trials, boolean maximize) {
        List<Observation> observations = new ArrayList<>();
        for (TrialRecord t : trials) {
            of(t).ifPresent(s -> observations.add(new Observation(t.number(), s.values(), t.state(),
                    t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED ? t.objectiveValue() : null,
                    t.epochsDone())));
        }
        return new SamplerHistory(observations, maximize);
    }
}
