package dev.sweep.prune;

import dev.sweep.space.ParameterDeclaration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every discovered pruner type must do, Sweep's own and any plugin's on the class path. */
class PrunerContractTest {
    private static final PrunerTypes TYPES = PrunerTypes.builtIn();

    private static Map<String, Object> defaults(PrunerType type) {
        Map<String, Object> settings = new LinkedHashMap<>();
        type.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        return settings;
    }

    /** Three trials of 4 epochs, one better than the next. */
    private static History history() {
        Map<Integer, History.Curve> curves = new LinkedHashMap<>();
        curves.put(0, new History.Curve(List.of(0.90, 0.92, 0.93, 0.94), true));
        curves.put(1, new History.Curve(List.of(0.80, 0.82, 0.83, 0.84), true));
        curves.put(2, new History.Curve(List.of(0.70, 0.72, 0.73, 0.74), true));
        return new History(curves, true);
    }

    @TestFactory
    Stream<DynamicTest> everyPrunerTypeHonoursTheContract() {
        assertThat(TYPES.names()).contains("median", "asha", "hyperband");
        return TYPES.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            PrunerType type = TYPES.find(name).orElseThrow();
            assertThat(type.name()).isEqualTo(name).matches("[a-z][a-z0-9_-]*");
            assertThat(type.description()).isNotBlank();
            for (ParameterDeclaration setting : type.settings()) {
                assertThat(setting.defaultValue()).as(name + "." + setting.name() + " has a default").isNotNull();
                assertThat(setting.problemWith(setting.defaultValue())).as(name + "." + setting.name()).isNull();
            }
            Pruner atDefaults = type.create(defaults(type), 10);
            assertThat(atDefaults.describe()).isNotBlank();
            History empty = new History(Map.of(), true);
            assertThat(atDefaults.shouldPrune(0, 1, 0.5, empty)).as("the first trial, alone, is never pruned").isFalse();
            assertThat(atDefaults.shouldPrune(3, 3, 0.99, history())).as("the best trial so far is never pruned").isFalse();
            boolean once = atDefaults.shouldPrune(3, 4, 0.10, history());
            assertThat(type.create(defaults(type), 10).shouldPrune(3, 4, 0.10, history()))
                    .as("decisions depend only on what they are given").isEqualTo(once);
        }));
    }
}
