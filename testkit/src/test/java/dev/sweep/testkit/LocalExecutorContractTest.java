package dev.sweep.testkit;

import dev.sweep.config.ExecutorSpec;
import dev.sweep.run.ExecutorTypes;
import dev.sweep.run.LocalExecutorType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process executor passes the contract that plugins extend; Spark's is in the spark module. */
class LocalExecutorContractTest extends ExecutorContract {
    LocalExecutorContractTest() {
        super(new LocalExecutorType(), ExecutorSpec.IN_PROCESS);
    }

    @Test
    void theFrameworkFindsTheLocalExecutorByDiscovery() {
        assertThat(ExecutorTypes.builtIn().names()).contains("local");
    }
}
