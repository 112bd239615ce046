package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code importance} on a real sweep in which the learning rate, from 1e-6 to 1, decides nearly everything and the
 * units (32 or 33) nothing. 40 trials, so that the best 10% are 4: with 2, a choice of two values that both best
 * trials happen to share outweighs any range (found with 16 trials here).
 */
class ImportanceTest {
    @TempDir
    Path dir;

    @Test
    void theLearningRateOfAWideLogRangeComesFirstAndASweepOfOneTrialIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("wide.yaml"), """
                name: wide
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: mlp
                strategy: {type: random, trials: 40}
                seed: 4
                parameters:
                  epochs: 1
                  learning_rate: {float: [1.0e-6, 1.0], scale: log}
                  units: {values: [32, 33]}
                """);
        String db = dir.resolve("experiments").toString();
        assertThat(Cli.run("run", file.toString(), "--db", db, "--quiet").exitCode()).isZero();

        Cli json = Cli.run("importance", "wide", "--format", "json", "--db", db);
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(json.out());
        assertThat(result.get("method").asText()).isEqualTo("ped-anova");
        assertThat(result.get("complete_trials").asInt()).isEqualTo(40);
        assertThat(result.get("importance").fieldNames().next()).isEqualTo("learning_rate");
        assertThat(result.get("importance").get("learning_rate").asDouble()).isGreaterThan(result.get("importance").get("units").asDouble());

        Cli table = Cli.run("importance", "wide", "--db", db);
        assertThat(table.out()).startsWith("parameter").contains("learning_rate").doesNotContain("With so few trials");

        Files.writeString(dir.resolve("one.yaml"), Files.readString(file).replace("name: wide", "name: one").replace("trials: 40", "trials: 1"));
        assertThat(Cli.run("run", dir.resolve("one.yaml").toString(), "--db", db, "--quiet").exitCode()).isZero();
        Cli refused = Cli.run("importance", "one", "--db", db);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("has 1 complete trial;").contains("needs 3 at the least");

        Files.writeString(dir.resolve("two.yaml"), Files.readString(file).replace("name: wide", "name: two").replace("trials: 40", "trials: 2"));
        assertThat(Cli.run("run", dir.resolve("two.yaml").toString(), "--db", db, "--quiet").exitCode()).isZero();
        for (String format : List.of("table", "json")) {
            Cli two = Cli.run("importance", "two", "--db", db, "--format", format);
            assertThat(two.exitCode()).as("%s of a sweep of 2 complete trials: %s", format, two).isEqualTo(2);
            assertThat(two.err()).contains("has 2 complete trials;").doesNotContain("Exception");
        }
        assertThat(Cli.run("importance", "nothing", "--db", db).err()).contains("no sweep named 'nothing'");
    }
}
