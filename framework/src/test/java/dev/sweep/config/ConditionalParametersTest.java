package dev.sweep.config;

import dev.sweep.TinyArchitecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.sample.Sampler;
import dev.sweep.space.ParameterResolver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Parameters active only when a choice has some value: parsing, validation, candidates and their stored sources. */
class ConditionalParametersTest {
    private static final ArchitectureRegistry REGISTRY = TinyArchitecture.registry();
    private final SweepFileLoader loader = new SweepFileLoader(REGISTRY);
    private static final Path FILE = Path.of("spaces/conditional.yaml");

    private static String sweep(String strategy, String parameters) {
        return """
                name: conditional
                architecture: tiny
                strategy: %s
                parameters:
                %s""".formatted(strategy, parameters.indent(2));
    }

    private static final String OPTIMIZERS = """
            optimizer: {values: [adam, sgd]}
            learning_rate: {values: [0.001, 0.01]}
            momentum: {values: [0.5, 0.9, 0.99], when: {optimizer: sgd}}
            """;

    private ConfigurationException problems(String parameters) {
        return catchThrowableOfType(() -> loader.parse(sweep("{type: random, trials: 2}", parameters), FILE),
                ConfigurationException.class);
    }

    @Test
    void aGridCountsEachBranchOfItsConditionsNotTheProduct() {
        SweepDefinition d = loader.parse(sweep("{type: grid}", OPTIMIZERS), FILE);
        Sampler candidates = d.sampler();
        assertThat(candidates.planned()).as("adam: 2 learning rates; sgd: 2 x 3 momenta").isEqualTo(2 + 6);
        List<Map<String, Object>> all = candidates.firstWithoutHistory(100);
        assertThat(all).hasSize(8).doesNotHaveDuplicates();
        assertThat(all).filteredOn(c -> c.get("optimizer").equals("adam")).allSatisfy(c -> assertThat(c).doesNotContainKey("momentum"));
        assertThat(all).filteredOn(c -> c.get("optimizer").equals("sgd")).extracting(c -> c.get("momentum"))
                .containsOnly(0.5, 0.9, 0.99);
    }

    @Test
    void randomSearchDrawsAConditionalParameterOnlyWhereItsConditionHoldsAndStoresItInactiveElsewhere() {
        SweepDefinition d = loader.parse(sweep("{type: random, trials: 20}", OPTIMIZERS.replace("{values: [0.5, 0.9, 0.99]",
                "{float: [0.5, 0.99]")), FILE);
        ParameterResolver resolver = REGISTRY.resolver(REGISTRY.get("tiny"), d.parameters(), d.conditions());
        List<Map<String, Object>> drawn = d.sampler().firstWithoutHistory(20);
        assertThat(drawn).extracting(c -> c.get("optimizer")).contains("adam", "sgd");
        for (Map<String, Object> candidate : drawn) {
            ParameterResolver.Resolved resolved = resolver.resolve(candidate);
            if (candidate.get("optimizer").equals("sgd")) {
                assertThat(resolved.sources()).containsEntry("momentum", ParameterResolver.Source.SEARCHED);
                assertThat((Double) resolved.values().get("momentum")).isBetween(0.5, 0.99);
            } else {
                assertThat(resolved.sources()).containsEntry("momentum", ParameterResolver.Source.INACTIVE);
                assertThat(resolved.searched()).doesNotContainKey("momentum");
            }
        }
        assertThat(d.sampler().firstWithoutHistory(20)).as("the same sequence every time, for resume").isEqualTo(drawn);
    }

    @Test
    void conditionsChainAndAnyListedValueActivates() {
        SweepDefinition d = loader.parse(sweep("{type: grid}", """
                lr_schedule: {values: [none, step, exponential]}
                lr_decay: {values: [0.1, 0.5], when: {lr_schedule: [step, exponential]}}
                lr_step_epochs: {values: [2, 5], when: {lr_schedule: step, lr_decay: 0.1}}
                """), FILE);
        // none: 1; exponential: 2 decays; step: decay 0.5 (1) + decay 0.1 with 2 step sizes (2)
        assertThat(d.sampler().planned()).isEqualTo(1 + 2 + 3);
    }

    @Test
    void aConditionOnARangeOnAValueItCannotTakeOrOnAnUnknownParameterIsLocatedWithTheChoices() {
        ConfigurationException e = problems("""
                optimizer: {values: [adam, sgd]}
                learning_rate: {float: [1.0e-4, 1.0e-2], scale: log}
                momentum: {float: [0.5, 0.99], when: {optimizer: nesterovs}}
                lr_decay: {values: [0.1, 0.5], when: {learning_rate: 0.001}}
                weight_decay: {values: [0, 0.001], when: {optimiser: sgd}}
                """);
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(7, 8, 9);
        assertThat(e.problems().get(0).message()).isEqualTo("'optimizer' never takes 'nesterovs' in this file, so 'momentum' "
                + "would never be active");
        assertThat(e.problems().get(0).fix()).isEqualTo("'optimizer' takes: adam, sgd");
        assertThat(e.problems().get(1).message()).isEqualTo("the condition of 'lr_decay' names 'learning_rate', which is a "
                + "range, not a choice");
        assertThat(e.problems().get(2).message()).startsWith("the condition of 'weight_decay' names 'optimiser', which this "
                + "file does not set.").contains("Did you mean 'optimizer'?");
    }

    @Test
    void conditionsThatLeadBackToThemselvesAreACycle() {
        ConfigurationException e = problems("""
                optimizer: {values: [adam, sgd], when: {lr_schedule: step}}
                lr_schedule: {values: [none, step], when: {optimizer: sgd}}
                """);
        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("the conditions form a cycle: lr_schedule -> optimizer -> lr_schedule"));
    }

    @Test
    void theSweepFilesConditionIsShownWithItsParameter() {
        SweepDefinition d = loader.parse(sweep("{type: grid}", OPTIMIZERS), FILE);
        assertThat(d.conditions().describe("momentum")).isEqualTo("when optimizer = sgd");
        assertThat(d.conditions().describe("optimizer")).isEmpty();
    }
}
