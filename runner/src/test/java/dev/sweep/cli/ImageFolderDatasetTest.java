package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.testkit.MnistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep on folders of PNG digits through the real command line: run (twice, the second from the cache) and evaluate. */
class ImageFolderDatasetTest {
    @TempDir
    Path dir;

    @Test
    void aSweepOnPictureFoldersRunsReadsItsCacheTheSecondTimeAndItsModelIsEvaluatedOnTheTestFolder() throws Exception {
        MnistFiles.pngFolders(dir.resolve("digits/train"), 0, 1500);
        MnistFiles.pngFolders(dir.resolve("digits/test"), 1500, 300);
        // Classes by their words: sorted, eight is class 0 and zero class 9.
        List<String> words = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        for (String split : List.of("train", "test")) {
            for (int d = 0; d < 10; d++) {
                Files.move(dir.resolve("digits/" + split + "/" + d), dir.resolve("digits/" + split + "/" + words.get(d)));
            }
        }
        Path file = Files.writeString(dir.resolve("folders.yaml"), """
                name: folders
                dataset: {format: images, dir: digits, height: 20, width: 20, validation: 300}
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
        assertThat(result.get("test_accuracy").asDouble()).isEqualTo(result.get("stored_test_accuracy").asDouble()).isGreaterThan(0.7);
        assertThat(result.get("class_names").toString()).isEqualTo("[\"eight\",\"five\",\"four\",\"nine\",\"one\",\"seven\",\"six\",\"three\",\"two\",\"zero\"]");
        assertThat(Cli.run("evaluate", zip.toString()).out()).contains("Classes:     0 eight, 1 five, 2 four, 3 nine, 4 one, 5 seven, 6 six, 7 three, 8 two, 9 zero");

        List<String> sevens;
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("digits/test/seven"))) {
            sevens = files.sorted().limit(20).map(Path::toString).toList();
        }
        List<String> args = new java.util.ArrayList<>(List.of("predict", zip.toString(), "--format", "json"));
        args.addAll(sevens);
        JsonNode predictions = new ObjectMapper().readTree(Cli.run(args.toArray(String[]::new)).out());
        int named = 0;
        for (JsonNode p : predictions) {
            assertThat(words).contains(p.get("predicted").asText());
            assertThat(p.get("top").fieldNames().next()).isEqualTo(p.get("predicted").asText());
            named += p.get("predicted").asText().equals("seven") ? 1 : 0;
        }
        assertThat(named).as("most pictures of sevens are predicted 'seven'").isGreaterThanOrEqualTo(11);
    }
}
