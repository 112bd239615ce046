package dev.sweep.testkit;

import dev.sweep.prune.History;
import dev.sweep.prune.Pruner;
import dev.sweep.prune.PrunerType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every pruner type must do, Sweep's own and a plugin's; a plugin's test extends it in one line:
 * {@code class MyPrunerContractTest extends PrunerContract { MyPrunerContractTest() { super(new MyPruner()); } }}.
 */
public abstract class PrunerContract {
    private final PrunerType type;

    protected PrunerContract(PrunerType type) {
        this.type = type;
    }

    private static Map<String, Object> defaults(PrunerType type) {
        return TypeChecks.defaults(type.settings());
    }

    /** Three trials of 4 epochs, one better than the next. */
    private static History history() {
        Map<Integer, History.Curve> curves = new LinkedHashMap<>();
        curves.put(0, new History.Curve(List.of(0.90, 0.92, 0.93, 0.94), true));
        curves.put(1, new History.Curve(List.of(0.80, 0.82, 0.83, 0.84), true));
        curves.put(2, new History.Curve(List.of(0.70, 0.72, 0.73, 0.74), true));
        return new History(curves, true);
    }

    @Test
    void itsNameDescriptionAndSettingsAreWellFormed() {
        TypeChecks.wellFormed(type.name(), type.description(), type.settings(), false);
        assertThat(type.create(defaults(type), 10).describe()).isNotBlank();
    }

    @Test
    void itNeverPrunesALoneFirstTrialNorTheBestSoFar() {
        Pruner atDefaults = type.create(defaults(type), 10);
        assertThat(atDefaults.shouldPrune(0, 1, 0.5, new History(Map.of(), true))).as("the first trial, alone").isFalse();
        assertThat(atDefaults.shouldPrune(3, 3, 0.99, history())).as("the best trial so far").isFalse();
    }

    @Test
    void itsDecisionsDependOnlyOnWhatTheyAreGiven() {
        boolean once = type.create(defaults(type), 10).shouldPrune(3, 4, 0.10, history());
        assertThat(type.create(defaults(type), 10).shouldPrune(3, 4, 0.10, history())).isEqualTo(once);
    }
}
