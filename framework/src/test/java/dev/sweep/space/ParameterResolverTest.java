package dev.sweep.space;

import dev.sweep.TinyArchitecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterResolverTest {
    private static final ArchitectureRegistry REGISTRY = TinyArchitecture.registry();
    private final SweepDefinition sweep = new SweepFileLoader(REGISTRY).parse("""
            name: resolved
            architecture: tiny
            strategy: {type: random, trials: 3}
            parameters:
              epochs: 2
              units: {values: [8, 32]}
              dropout: {float: [0.1, 0.5]}
            """, Path.of("resolved.yaml"));
    private final ParameterResolver resolver = REGISTRY.resolver(REGISTRY.get("tiny"), sweep.parameters());

    @Test
    void everyCandidateIsCompletedWithTheDefaultsAndEachValueKnowsItsSource() {
        Map<String, Object> candidate = sweep.sampler().firstWithoutHistory(1).get(0);
        ParameterResolver.Resolved resolved = resolver.resolve(candidate);
        assertThat(resolved.values().keySet()).as("declaration order: the trainer's, then the architecture's")
                .containsSubsequence("epochs", "batch_size", "units", "dropout", "activation");
        assertThat(resolved.values()).containsEntry("epochs", 2).containsEntry("activation", "relu")
                .containsEntry("units", candidate.get("units"));
        assertThat(resolved.sources()).containsEntry("epochs", ParameterResolver.Source.FIXED)
                .containsEntry("units", ParameterResolver.Source.SEARCHED)
                .containsEntry("dropout", ParameterResolver.Source.SEARCHED)
                .containsEntry("activation", ParameterResolver.Source.DEFAULT);
        assertThat(resolved.searched().keySet()).containsExactlyInAnyOrder("units", "dropout");
    }

    @Test
    void theSpacesSourcesAreTheSourcesEveryCandidateGets() {
        for (Map<String, Object> candidate : sweep.sampler().firstWithoutHistory(3)) {
            resolver.resolve(candidate).sources().forEach((name, source) ->
                    assertThat(resolver.sourceOf(name)).as(name).isEqualTo(source));
        }
        assertThat(resolver.sourceOf("no_such_parameter")).isNull();
    }

    @Test
    void aNetworkAtItsDefaultsResolvesWithNothingSearched() {
        ParameterResolver.Resolved defaults = REGISTRY.resolver(REGISTRY.get("tiny"), Map.of()).resolve(Map.of("batch_size", 16));
        assertThat(defaults.searched()).isEmpty();
        assertThat(defaults.sources()).containsEntry("batch_size", ParameterResolver.Source.FIXED);
        assertThat(defaults.sourceLabels().values()).containsOnly("fixed", "default");
        assertThat(List.copyOf(defaults.values().keySet())).isEqualTo(List.copyOf(REGISTRY.declaredParameters(REGISTRY.get("tiny")).keySet()
                .stream().filter(defaults.values()::containsKey).toList()));
    }
}
