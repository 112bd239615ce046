package dev.sweep.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.config.SweepDefinition;
import dev.sweep.sample.Suggestion;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.ParameterResolver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A candidate made complete: every declared default filled in, where each value came from, and the whole
 * configuration as JSON, stored with the trial so that any leaderboard row can be reproduced. The JSON also keeps
 * the sampler's draw under the sweep's own keys ({@value StoredCandidates#CANDIDATE}) and what it was based on
 * ({@value StoredCandidates#SAMPLER}), so a resumed sweep reuses it and learning samplers read it back.
 */
record ResolvedTrial(String architecture, Map<String, Object> parameters, Map<String, String> sources, Map<String, Object> searched,
                     String configJson) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static ResolvedTrial of(SweepDefinition definition, ParameterResolver resolver, int number, long seed,
                            Suggestion suggestion, Map<String, Object> dataProvenance) {
        ArchitectureBranches branches = definition.branches();
        String architecture = branches.architectureOf(suggestion.values());
        ParameterResolver.Resolved resolved = resolver.resolve(branches.parametersOf(suggestion.values()));
        Map<String, Object> parameters = resolved.values();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("sweep", definition.name());
        config.put("trial", number);
        config.put("architecture", architecture);
        config.put("seed", seed);
        config.put("parameters", parameters);
        if (!resolved.inactive().isEmpty()) {
            config.put("inactive", resolved.inactive());
        }
        config.put("dataset", dataProvenance);
        config.put("objective", Map.of("metric", definition.objective().metric(), "goal", definition.objective().goal().yamlName()));
        config.put("strategy", definition.strategy().describe());
        config.put("sweep_seed", definition.seed());
        config.put(StoredCandidates.CANDIDATE, suggestion.values());
        Map<String, Object> sampler = new LinkedHashMap<>();
        sampler.put("type", definition.strategy().name());
        sampler.put("basis", suggestion.basis());
        if (!suggestion.saw().isEmpty()) {
            sampler.put("saw", suggestion.saw());
        }
        config.put(StoredCandidates.SAMPLER, sampler);
        try {
            Map<String, Object> searched = new LinkedHashMap<>();
            if (branches.mixed()) {
                searched.put(ArchitectureBranches.KEY, architecture);
            }
            searched.putAll(resolved.searched());
            return new ResolvedTrial(architecture, parameters, resolved.sourceLabels(), searched, JSON.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a trial configuration as JSON", e);
        }
    }
}
