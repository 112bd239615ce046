package dev.sweep.testkit;

import dev.sweep.sample.BuiltInSamplers;
import dev.sweep.sample.SamplerTypes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sweep's own samplers pass the contract that plugins extend. */
class BuiltInSamplersContractTest {
    @Test
    void everyDiscoveredSamplerHasItsContractHere() {
        assertThat(SamplerTypes.builtIn().names()).containsExactlyInAnyOrder("random", "grid", "tpe", "bayes", "evolution");
    }

    @Nested
    class Random extends SamplerContract {
        Random() {
            super(new BuiltInSamplers.Random());
        }
    }

    @Nested
    class Grid extends SamplerContract {
        Grid() {
            super(new BuiltInSamplers.Grid());
        }
    }

    @Nested
    class Tpe extends SamplerContract {
        Tpe() {
            super(new BuiltInSamplers.Tpe());
        }
    }

    @Nested
    class Bayes extends SamplerContract {
        Bayes() {
            super(new BuiltInSamplers.Bayes());
        }
    }

    @Nested
    class Evolution extends SamplerContract {
        Evolution() {
            super(new BuiltInSamplers.Evolution());
        }
    }
}
