package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.testkit.MnistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep on folders of PNG digits through the real command line: run (twice, the second from the cache) and evaluate. */
class ImageFolderDatasetTest {
    @TempDir
    Path dir;

    @Test
    void aSweepOnPictureFoldersRunsReadsItsCacheTheSecondTimeAndItsModelIsEvaluatedOnTheTestFolder() throws Exception {
        MnistFiles.pngFolders(dir.resolve("digits/train"), 0, 1500);
        MnistFiles.pngFolders(dir.resolve("digits/test"), 1500, 300);
        Path file = Files.writeString(dir.resolve("folders.yaml"), """
                name: folders
                dataset: {format: images, dir: digits, validation: 300}
                architecture: mlp
                strategy: {type: random, trials: 1}
                parameters:
                  epochs: 2
                """);
        String db = dir.resolve("experiments").toString();
        Cli run = Cli.run("run", file.toString(), "--db", db, "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("sweep: decoded 1,800 pictures of " + dir.resolve("digits").toAbsolutePath());
        Path again = Files.writeString(dir.resolve("again.yaml"), Files.readString(file).replace("name: folders", "name: again"));
        Cli cached = Cli.run("run", again.toString(), "--db", db, "--quiet");
        assertThat(cached.exitCode()).isZero();
        assertThat(cached.err()).as("the second run reads the cache").doesNotContain("decoded");

        Path zip = dir.resolve("best.zip");
        assertThat(Cli.run("export", "--sweep", "folders", "--out", zip.toString(), "--db", db).exitCode()).isZero();
        JsonNode result = new ObjectMapper().readTree(Cli.run("evaluate", zip.toString(), "--format", "json").out());
        assertThat(result.get("test_images").asInt()).isEqualTo(300);
        assertThat(result.get("test_accuracy").asDouble()).isEqualTo(result.get("stored_test_accuracy").asDouble()).isGreaterThan(0.8);
    }
}
