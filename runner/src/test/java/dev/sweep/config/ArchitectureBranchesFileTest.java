package dev.sweep.config;

import com.google.inject.Guice;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.ParameterResolver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sweep files over several architectures, each with its own branch of parameters: parsing, validation and counts. */
class ArchitectureBranchesFileTest {
    private static final ArchitectureRegistry REGISTRY = Guice.createInjector(new ArchitecturePlugins())
            .getInstance(ArchitectureRegistry.class);
    private static final Path FILE = Path.of("search-spaces/branches.yaml");
    private final SweepFileLoader loader = new SweepFileLoader(REGISTRY);

    private static final String ISSUE_EXAMPLE = """
            architecture: {values: [mlp, cnn, lenet5]}
            parameters:
              learning_rate: {float: [1.0e-4, 1.0e-2], scale: log}   # shared by every branch
              optimizer: {values: [adam, sgd]}
              momentum: {float: [0.5, 0.99], when: {optimizer: sgd}}  # only where optimizer is sgd
              mlp: {units: {int: [32, 512], step: 32}, dropout: {float: [0.0, 0.5]}}
              cnn: {filters_1: {values: [16, 32, 64]}, batch_norm: {values: [true, false]}}
            """;

    private SweepDefinition parse(String strategy, String body) {
        return loader.parse("name: branches\nstrategy: " + strategy + "\n" + body, FILE);
    }

    private List<ConfigProblem> problems(String body) {
        return catchThrowableOfType(() -> parse("{type: random, trials: 4}", body), ConfigurationException.class).problems();
    }

    @Test
    void theArchitectureIsSearchedFirstAndEachBranchKeepsItsOwnParameters() {
        SweepDefinition d = parse("{type: random, trials: 30}", ISSUE_EXAMPLE);
        assertThat(d.branches().architectures()).containsExactly("mlp", "cnn", "lenet5");
        assertThat(d.parameters().keySet()).startsWith(ArchitectureBranches.KEY)
                .contains("learning_rate", "momentum", "mlp.units", "mlp.dropout", "cnn.filters_1", "cnn.batch_norm");
        List<Map<String, Object>> drawn = d.sampler().firstWithoutHistory(30);
        assertThat(drawn).extracting(c -> c.get(ArchitectureBranches.KEY)).contains("mlp", "cnn", "lenet5");
        for (Map<String, Object> candidate : drawn) {
            String architecture = (String) candidate.get(ArchitectureBranches.KEY);
            assertThat(candidate.keySet()).filteredOn(k -> k.contains("."))
                    .allSatisfy(k -> assertThat(k).startsWith(architecture + "."));
            Map<String, Object> own = d.branches().parametersOf(candidate);
            assertThat(own).doesNotContainKey(ArchitectureBranches.KEY).containsKey("learning_rate");
            if (architecture.equals("mlp")) {
                assertThat(own).containsKeys("units", "dropout");
                assertThat((Integer) own.get("units") % 32).isZero();
            }
        }
    }

    @Test
    void eachArchitecturesTrialsResolveOnlyItsOwnParametersAndMarkTheInactiveOnes() {
        SweepDefinition d = parse("{type: random, trials: 30}", ISSUE_EXAMPLE);
        for (Map<String, Object> candidate : d.sampler().firstWithoutHistory(30)) {
            String architecture = d.branches().architectureOf(candidate);
            ParameterResolver resolver = REGISTRY.resolver(d.branches(), architecture, d.parameters(), d.conditions());
            ParameterResolver.Resolved resolved = resolver.resolve(d.branches().parametersOf(candidate));
            assertThat(resolved.values().keySet()).containsExactlyElementsOf(resolved.values().keySet().stream()
                    .filter(REGISTRY.declaredParameters(REGISTRY.get(architecture))::containsKey).toList());
            assertThat(resolved.sources().get("momentum")).isEqualTo(candidate.get("optimizer").equals("sgd")
                    ? ParameterResolver.Source.SEARCHED : ParameterResolver.Source.INACTIVE);
            if (architecture.equals("cnn")) {
                assertThat(resolved.sources()).containsEntry("filters_1", ParameterResolver.Source.SEARCHED)
                        .containsEntry("dropout", ParameterResolver.Source.DEFAULT);
            }
            if (architecture.equals("lenet5")) {
                assertThat(resolved.searched().keySet()).isSubsetOf("learning_rate", "optimizer", "momentum");
            }
        }
    }

    @Test
    void aGridCountsEachBranchWithItsNestedConditionsNotTheProduct() {
        SweepDefinition d = parse("{type: grid}", """
                architecture: {values: [mlp, cnn]}
                parameters:
                  optimizer: {values: [adam, sgd]}
                  mlp: {units: {values: [64, 128]}}
                  cnn: {filters_1: {values: [16, 32, 64]}}
                """);
        assertThat(d.sampler().planned()).as("2 x 2 + 2 x 3").isEqualTo(10);

        SweepDefinition nested = parse("{type: grid}", """
                architecture: {values: [mlp, cnn]}
                parameters:
                  optimizer: {values: [adam, sgd]}
                  momentum: {values: [0.5, 0.9], when: {optimizer: sgd}}
                  mlp:
                    hidden_layers: {values: [1, 2]}
                    units_2: {values: [32, 64], when: {hidden_layers: 2}}
                  cnn: {filters_1: {values: [16, 32, 64]}}
                """);
        // shared: adam, sgd x 2 momenta = 3; mlp: 1 layer, or 2 layers x 2 = 3; cnn: 3
        assertThat(nested.sampler().planned()).isEqualTo(3 * 3 + 3 * 3);
        List<Map<String, Object>> all = nested.sampler().firstWithoutHistory(100);
        assertThat(all).hasSize(18).doesNotHaveDuplicates();
        assertThat(all).filteredOn(c -> Integer.valueOf(1).equals(c.get("mlp.hidden_layers")))
                .allSatisfy(c -> assertThat(c).doesNotContainKey("mlp.units_2"));
        assertThat(nested.conditions().describe("mlp.units_2")).isEqualTo("when architecture = mlp and mlp.hidden_layers = 2");
    }

    @Test
    void aBranchOfASingleArchitectureSweepIsReadAsItsParameters() {
        SweepDefinition d = parse("{type: grid}", """
                architecture: mlp
                parameters:
                  optimizer: {values: [adam, sgd]}
                  mlp: {units: {values: [64, 128]}}
                """);
        assertThat(d.branches().mixed()).isFalse();
        assertThat(d.parameters()).containsOnlyKeys("optimizer", "units");
        assertThat(d.sampler().planned()).isEqualTo(4);
    }

    @Test
    void everyProblemOfTheBranchesIsReportedAtOnceAtItsLine() {
        List<ConfigProblem> problems = problems("""
                architecture: {values: [mlp, cnn]}
                parameters:
                  optimizer: {values: [adam, sgd]}
                  momentum: {float: [0.5, 0.99], when: {optimizer: nesterovs}}
                  hidden_layers: {values: [1, 2]}
                  mlp: {units: {int: [32, 512]}, filters_1: {values: [16, 32]}}
                  cnn:
                    conv_dropout: {float: [0.0, 0.5]}
                    dense_layers: {values: [1, 2], when: {conv_dropout: 0.1}}
                    pooling: {values: [max, avg], when: {batch_norm: true}}
                    batch_norm: {values: [true, false], when: {pooling: max}}
                  lenet5: {filters_1: {values: [6, 12]}}
                """);
        assertThat(problems).extracting(ConfigProblem::line).containsExactlyInAnyOrder(6, 7, 8, 11, 12, 14);
        assertThat(problems).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "parameter 'filters_1' is not declared by architecture 'mlp'.",
                "the branch 'lenet5' matches no value of architecture, which is mlp, cnn",
                "'optimizer' never takes 'nesterovs' in this file, so 'momentum' would never be active",
                "the condition of 'cnn.dense_layers' names 'cnn.conv_dropout', which is a range, not a choice",
                "the conditions form a cycle: cnn.batch_norm -> cnn.pooling -> cnn.batch_norm",
                "'hidden_layers' is shared by every architecture, but cnn does not declare it");
        ConfigProblem undeclared = problems.stream().filter(p -> p.message().contains("filters_1")).findFirst().orElseThrow();
        assertThat(undeclared.fix()).startsWith("mlp declares: hidden_layers, units, units_1,")
                .contains("; every architecture takes the trainer's: epochs, batch_size,");
        ConfigProblem shared = problems.stream().filter(p -> p.message().contains("hidden_layers")).findFirst().orElseThrow();
        assertThat(shared.fix()).isEqualTo("move it into the branches of those that do (mlp), e.g. mlp: {hidden_layers: ...}, "
                + "or add when: {architecture: [mlp]}");
    }

    @Test
    void theArchitectureIsNotAParameterAndAParameterIsSetOnce() {
        List<ConfigProblem> problems = problems("""
                architecture: {values: [mlp, cnnn]}
                parameters:
                  architecture: {values: [mlp]}
                  dropout: {values: [0.0, 0.5]}
                  mlp: {dropout: 0.25}
                """);
        assertThat(problems).extracting(ConfigProblem::message).containsExactly(
                "unknown architecture 'cnnn'. Did you mean 'cnn'?",
                "the architecture is not a parameter: it is chosen by the top-level 'architecture' key",
                "'dropout' is set both for every architecture and in the branch 'mlp'");
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(3, 5, 7);
    }

    @Test
    void aSharedParameterUndeclaredSomewhereSuggestsOnlyKnownArchitecturesThatDeclareIt() {
        List<ConfigProblem> problems = problems("""
                architecture: {values: [mlp, lenet5, resnet, mpl]}
                parameters:
                  dropout: {values: [0.1, 0.2]}
                """);
        assertThat(problems).extracting(ConfigProblem::message).containsExactly(
                "unknown architecture 'mpl'. Did you mean 'mlp'?",
                "'dropout' is shared by every architecture, but resnet does not declare it");
        assertThat(problems.get(1).fix()).isEqualTo("move it into the branches of those that do (mlp, lenet5), "
                + "e.g. mlp: {dropout: ...}, or add when: {architecture: [mlp, lenet5]}");
    }

    @Test
    void aSharedParameterMayBeLimitedToTheArchitecturesThatDeclareIt() {
        SweepDefinition d = parse("{type: grid}", """
                architecture: {values: [mlp, resnet]}
                parameters:
                  dropout: {values: [0.0, 0.5], when: {architecture: mlp}}
                  resnet: {width: {values: [8, 16]}}
                """);
        assertThat(d.sampler().planned()).isEqualTo(2 + 2);
        ParameterResolver resnet = REGISTRY.resolver(d.branches(), "resnet", d.parameters(), d.conditions());
        assertThat(resnet.resolve(Map.of("width", 8)).values()).doesNotContainKey("dropout");
    }
}
