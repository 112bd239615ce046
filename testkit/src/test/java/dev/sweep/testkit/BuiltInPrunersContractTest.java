package dev.sweep.testkit;

import dev.sweep.prune.BuiltInPruners;
import dev.sweep.prune.PrunerTypes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sweep's own pruners pass the contract that plugins extend. */
class BuiltInPrunersContractTest {
    @Test
    void everyDiscoveredPrunerHasItsContractHere() {
        assertThat(PrunerTypes.builtIn().names()).containsExactlyInAnyOrder("median", "asha", "hyperband");
    }

    @Nested
    class Median extends PrunerContract {
        Median() {
            super(new BuiltInPruners.Median());
        }
    }

    @Nested
    class Asha extends PrunerContract {
        Asha() {
            super(new BuiltInPruners.Asha());
        }
    }

    @Nested
    class Hyperband extends PrunerContract {
        Hyperband() {
            super(new BuiltInPruners.Hyperband());
        }
    }
}
