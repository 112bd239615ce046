package dev.sweep.config;

import com.google.inject.Guice;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.spark.SparkExecutorType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code executor:} section with the executor types discovered on the runner's class path: local and spark. */
class ExecutorSectionTest {
    private static final Path FILE = Path.of("spaces/test.yaml");
    private static final String VALID = """
            name: quick
            architecture: mlp
            strategy: {type: random, trials: 4}
            parameters:
              epochs: 1
            """;
    private final SweepFileLoader loader = new SweepFileLoader(Guice.createInjector(new ArchitecturePlugins())
            .getInstance(ArchitectureRegistry.class));

    @Test
    void aSparkExecutorIsReadWithItsMasterConfAndSettings() {
        SweepDefinition d = loader.parse(VALID + "executor: {type: spark, master: \"spark://head:7077\", "
                + "conf: {spark.executor.memory: 4g, spark.task.maxFailures: 8}, ship_data: true}\n", FILE);
        assertThat(d.executor()).isEqualTo(SparkExecutorType.spec("spark://head:7077",
                Map.of("spark.executor.memory", "4g", "spark.task.maxFailures", "8"), true));
    }

    @Test
    void everyExecutorProblemIsReportedWithItsLineAtOnce() {
        String bad = VALID + """
                executor:
                  type: spark
                  conf: {executor.memory: 4g}
                  ship_data: maybe
                """;
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(bad, FILE), ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "'executor.ship_data' expects true or false, got 'maybe'");
        String noMaster = VALID + """
                executor:
                  type: spark
                  conf: {executor.memory: 4g}
                """;
        ConfigurationException both = catchThrowableOfType(() -> loader.parse(noMaster, FILE), ConfigurationException.class);
        assertThat(both.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "a spark executor needs a master", "'executor.memory' is not a Spark setting");
        assertThat(both.problems()).extracting(ConfigProblem::line).containsExactlyInAnyOrder(7, 8);
        ConfigurationException typo = catchThrowableOfType(() -> loader.parse(VALID + "executor: {type: sparc}\n", FILE),
                ConfigurationException.class);
        assertThat(typo.getMessage()).contains("unknown executor 'sparc'. Did you mean 'spark'?");
    }
}
