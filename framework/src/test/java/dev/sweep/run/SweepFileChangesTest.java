package dev.sweep.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SweepFileChangesTest {
    private static final String FILE = """
            name: s
            architecture: mlp
            strategy: {type: random, trials: 4}
            parameters:
              epochs: 2
            """;

    @Test
    void whereAndHowFastTrialsRunDoNotChangeWhatTheSweepComputes() {
        String moved = FILE + """
                parallel: 2
                max_failures: 3
                executor:
                  type: spark
                  master: "spark://head:7077"
                  conf: {spark.executor.memory: 4g}
                """;
        assertThat(SweepFileChanges.meaningful(moved)).isEqualTo(SweepFileChanges.meaningful(FILE));
        assertThat(SweepFileChanges.meaningful(FILE + "executor: {type: spark, master: \"local[2]\"}\n"))
                .isEqualTo(SweepFileChanges.meaningful(FILE));
    }

    @Test
    void aChangedParameterAfterAnExecutorBlockIsStillAChange() {
        String before = FILE.replace("parameters:\n  epochs: 2\n", "") + "executor:\n  type: local\nparameters:\n  epochs: 2\n";
        String after = before.replace("epochs: 2", "epochs: 3");
        assertThat(SweepFileChanges.meaningful(after)).isNotEqualTo(SweepFileChanges.meaningful(before));
        assertThat(SweepFileChanges.describe(before, after)).contains("stored: epochs: 2").contains("file:   epochs: 3");
    }
}
