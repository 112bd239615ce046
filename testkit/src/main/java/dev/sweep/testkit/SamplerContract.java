package dev.sweep.testkit;

import dev.sweep.sample.Observation;
import dev.sweep.sample.Sampler;
import dev.sweep.sample.SamplerHistory;
import dev.sweep.sample.SamplerType;
import dev.sweep.sample.SamplingSpace;
import dev.sweep.sample.Suggestion;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterSpec;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every sampler type must do, Sweep's own and a plugin's; a plugin's test extends it in one line:
 * {@code class MySamplerContractTest extends SamplerContract { MySamplerContractTest() { super(new MySampler()); } }}.
 * It runs at the type's defaults and, for each true-or-false setting, with that setting switched.
 */
public abstract class SamplerContract {
    private static final int TRIALS = 12;

    private final SamplerType type;

    protected SamplerContract(SamplerType type) {
        this.type = type;
    }

    /** Every kind of parameter: a log range, a stepped int range, a plain float range, choices, and a conditional one. */
    private static SamplingSpace space() {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put("learning_rate", new ParameterSpec.FloatRange(1e-4, 1e-1, true));
        specs.put("units", new ParameterSpec.IntRange(32, 256, 32));
        specs.put("dropout", new ParameterSpec.FloatRange(0.0, 0.5, false));
        specs.put("optimizer", new ParameterSpec.Choice(List.of("adam", "sgd")));
        specs.put("momentum", new ParameterSpec.Choice(List.of(0.5, 0.9)));
        specs.put("epochs", new ParameterSpec.Fixed(2));
        return new SamplingSpace(specs, new Conditions(Map.of("momentum", Map.of("optimizer", List.of("sgd")))));
    }

    private static Map<String, Object> defaults(SamplerType type) {
        return TypeChecks.defaults(type.settings());
    }

    private static void assertInsideTheSpace(Map<String, Object> c) {
        assertThat((Double) c.get("learning_rate")).isBetween(1e-4, 1e-1);
        assertThat((Integer) c.get("units")).isBetween(32, 256).matches(u -> (u - 32) % 32 == 0, "on the step");
        assertThat((Double) c.get("dropout")).isBetween(0.0, 0.5);
        assertThat(c.get("optimizer")).isIn("adam", "sgd");
        assertThat(c.get("epochs")).isEqualTo(2);
        if (c.get("optimizer").equals("sgd")) {
            assertThat(c.get("momentum")).isIn(0.5, 0.9);
        } else {
            assertThat(c).as("momentum is only drawn for sgd").doesNotContainKey("momentum");
        }
    }

    /** A history with a trial in every state: complete, pruned, failed and one still running. */
    private static SamplerHistory mixedHistory(Sampler sampler) {
        List<Observation> trials = new ArrayList<>();
        TrialState[] states = {TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAILED, TrialState.COMPLETE, TrialState.RUNNING,
                TrialState.COMPLETE};
        for (int number = 0; number < states.length; number++) {
            Map<String, Object> values = sampler.suggest(number, SamplerHistory.empty(true)).values();
            Double objective = states[number] == TrialState.COMPLETE || states[number] == TrialState.PRUNED ? 0.5 + 0.07 * number : null;
            trials.add(new Observation(number, values, states[number], objective, states[number] == TrialState.PRUNED ? 1 : 2));
        }
        return new SamplerHistory(trials, true);
    }

    /** The defaults, and for each true-or-false setting the defaults with it switched. */
    private static List<Map<String, Object>> variants(SamplerType type) {
        List<Map<String, Object>> variants = new ArrayList<>(List.of(defaults(type)));
        for (ParameterDeclaration setting : type.settings()) {
            if (setting.defaultValue() instanceof Boolean on) {
                Map<String, Object> switched = defaults(type);
                switched.put(setting.name(), !on);
                variants.add(switched);
            }
        }
        return variants;
    }

    @Test
    void itsNameDescriptionAndSettingsAreWellFormed() {
        TypeChecks.wellFormed(type.name(), type.description(), type.settings(), false);
        assertThat(type.describe(TRIALS, defaults(type))).startsWith(type.name() + " search, ");
    }

    @TestFactory
    Stream<DynamicTest> everySuggestionIsInsideTheSpaceAndTheSameHistoryAndSeedGiveTheSameOne() {
        return variants(type).stream().map(settings -> DynamicTest.dynamicTest(settings.toString(), () -> {
            assertThat(type.problemsWith(space(), TRIALS, settings)).isEmpty();
            Sampler sampler = type.create(space(), TRIALS, settings, 7);
            assertThat(sampler.planned()).isPositive();
            SamplerHistory history = mixedHistory(sampler);
            for (int number = 0; number < sampler.planned(); number++) {
                Suggestion empty = sampler.suggest(number, SamplerHistory.empty(true));
                assertInsideTheSpace(empty.values());
                assertThat(empty.basis()).isNotBlank();
                Suggestion learned = sampler.suggest(number, history);
                assertInsideTheSpace(learned.values());
                assertThat(type.create(space(), TRIALS, settings, 7).suggest(number, history))
                        .as("the same history and seed give the same suggestion").isEqualTo(learned);
                assertThat(learned.saw()).as("it saw only finished trials").isSubsetOf(0, 1, 2, 3, 5);
            }
        }));
    }

    @Test
    void aSearchThatPlansItsOwnTrialsNeverRepeatsAPoint() {
        Sampler sampler = type.create(space(), TRIALS, defaults(type), 7);
        if (type.plansItsOwnTrials()) {
            Set<Map<String, Object>> points = new HashSet<>(sampler.firstWithoutHistory(sampler.planned()));
            assertThat(points).as("a grid never repeats a point").hasSize(sampler.planned());
        } else {
            assertThat(sampler.planned()).as("it runs the file's trials").isEqualTo(TRIALS);
        }
    }
}
