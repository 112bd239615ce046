package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.testkit.MnistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep on a Kaggle-style CSV through the real command line: plan, run, export, and evaluate on its test split. */
class CsvDatasetTest {
    @TempDir
    Path dir;

    @Test
    void aSweepOnACsvFileRunsAndItsExportedModelIsEvaluatedOnTheSameTestRows() throws Exception {
        MnistFiles.csv(dir.resolve("train.csv"), 0, 2000);
        Path file = Files.writeString(dir.resolve("csv.yaml"), """
                name: kaggle
                dataset: {format: csv, file: train.csv, validation: 300}
                architecture: mlp
                strategy: {type: random, trials: 2}
                parameters:
                  epochs: 2
                  units: {values: [32, 64]}
                """);
        String db = dir.resolve("experiments").toString();
        Cli plan = Cli.run("plan", file.toString(), "--no-estimate");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("Data: csv " + dir.resolve("train.csv").toAbsolutePath()).contains("1,300 training, 300 validation, 400 test images");
        assertThat(Cli.run("run", file.toString(), "--db", db, "--quiet").exitCode()).isZero();

        Path zip = dir.resolve("best.zip");
        assertThat(Cli.run("export", "--sweep", "kaggle", "--out", zip.toString(), "--db", db).exitCode()).isZero();
        Cli evaluate = Cli.run("evaluate", zip.toString(), "--format", "json");
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(evaluate.out());
        assertThat(result.get("test_images").asInt()).isEqualTo(400);
        assertThat(result.get("test_accuracy").asDouble()).as("the same rows as at training")
                .isEqualTo(result.get("stored_test_accuracy").asDouble());

        Files.writeString(dir.resolve("train.csv"), Files.readString(dir.resolve("train.csv")).replaceFirst("\n5,", "\nfive,"));
        Path broken = Files.writeString(dir.resolve("broken.yaml"), Files.readString(file).replace("name: kaggle", "name: broken"));
        Cli refused = Cli.run("run", broken.toString(), "--db", db, "--quiet");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(dir.resolve("train.csv").toAbsolutePath() + ":2: label 'five' is not a whole number. Fix:");
    }
}
