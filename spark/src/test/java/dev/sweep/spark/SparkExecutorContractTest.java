package dev.sweep.spark;

import dev.sweep.run.ExecutorTypes;
import dev.sweep.testkit.ExecutorContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spark executor passes the contract that plugins extend, in local mode. */
class SparkExecutorContractTest extends ExecutorContract {
    SparkExecutorContractTest() {
        super(new SparkExecutorType(), SparkExecutorType.spec("local[2]", Map.of(), false));
    }

    @Test
    void itIsFoundByDiscoveryBesideTheLocalOne() {
        assertThat(ExecutorTypes.builtIn().names()).containsExactlyInAnyOrder("local", "spark");
    }
}
