package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.testkit.MnistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder of colour pictures (tinted digits: PNG and JPEG, 28x28 and 36x36, a few grey) through the real command line:
 * described, swept over two architectures in colour, exported, evaluated and predicted from.
 */
class ColourImageFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aColourSweepOverTwoArchitecturesExportsAModelThatEvaluatesAndPredictsColourPictures() throws Exception {
        MnistFiles.tintedFolders(dir.resolve("tinted/train"), 0, 2000);
        MnistFiles.tintedFolders(dir.resolve("tinted/test"), 2000, 300);
        Path file = Files.writeString(dir.resolve("colour.yaml"), """
                name: colour
                dataset: {format: images, dir: tinted, height: 24, width: 24, channels: 3, validation: 400}
                architecture: {values: [mlp, cnn]}
                strategy: {type: grid}
                parameters:
                  epochs: 4
                  flip: false
                  normalize: dataset
                """);

        Cli describe = Cli.run("data", "describe", file.toString(), "--format", "json", "--out", dir.resolve("look").toString());
        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        JsonNode facts = JSON.readTree(describe.out().substring(0, describe.out().lastIndexOf('}') + 1));
        assertThat(facts.get("image_shape").toString()).isEqualTo("[24,24,3]");
        JsonNode train = facts.get("splits").get("train");
        assertThat(train.get("channel_mean")).hasSize(3);
        assertThat(train.get("channel_std")).hasSize(3);
        BufferedImage samples = ImageIO.read(dir.resolve("look/samples.png").toFile());
        assertThat(colouredPixels(samples)).as("the sample grid is drawn in colour").isGreaterThan(1000);
        Cli table = Cli.run("data", "describe", file.toString());
        assertThat(table.out()).contains("24x24 pixels, 3 channels, 10 classes").contains("mean per channel");

        String db = dir.resolve("experiments").toString();
        Cli run = Cli.run("run", file.toString(), "--db", db, "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode board = JSON.readTree(Cli.run("leaderboard", "--db", db, "--format", "json").out());
        assertThat(board).hasSize(2);
        List<String> architectures = new ArrayList<>();
        for (JsonNode trial : board) {
            assertThat(trial.get("state").asText()).isEqualTo("COMPLETE");
            architectures.add(trial.get("architecture").asText());
        }
        assertThat(architectures).containsExactlyInAnyOrder("mlp", "cnn");

        Path zip = dir.resolve("best.zip");
        assertThat(Cli.run("export", "--sweep", "colour", "--out", zip.toString(), "--db", db).exitCode()).isZero();
        JsonNode provenance = JSON.readTree(dir.resolve("best.json").toFile());
        assertThat(provenance.get("dataset").get("input_shape").toString()).isEqualTo("[24,24,3]");
        JsonNode evaluated = JSON.readTree(Cli.run("evaluate", zip.toString(), "--format", "json").out());
        assertThat(evaluated.get("test_images").asInt()).isEqualTo(300);
        assertThat(evaluated.get("test_accuracy").asDouble()).isEqualTo(evaluated.get("stored_test_accuracy").asDouble())
                .isGreaterThan(0.85);

        Path grey = BadInputTest.dataset(dir.resolve("grey-idx"), 300, 50, 28);
        Cli wrongData = Cli.run("evaluate", zip.toString(), "--data", grey.toString());
        assertThat(wrongData.exitCode()).isEqualTo(2);
        assertThat(wrongData.err()).contains("reads 24x24x3 images (height, width, channels)").contains("are 28x28x1")
                .contains("Fix: evaluate it on data like the data it was trained on");

        List<String> args = new ArrayList<>(List.of("predict", zip.toString(), "--format", "json"));
        try (java.util.stream.Stream<Path> threes = Files.list(dir.resolve("tinted/test/3"))) {
            threes.sorted().limit(20).forEach(p -> args.add(p.toString()));
        }
        JsonNode predictions = JSON.readTree(Cli.run(args.toArray(String[]::new)).out());
        assertThat(predictions).hasSize(20);
        int threes = 0;
        for (JsonNode p : predictions) {
            threes += p.get("predicted").asText().equals("3") ? 1 : 0;
        }
        assertThat(threes).as("most colour pictures of threes are predicted '3'").isGreaterThanOrEqualTo(15);
    }

    @Test
    void picturesTooSmallForTheNetworkAreNamedByPlanAndFailTheTrialWithTheArchitecturesWords() throws Exception {
        MnistFiles.tintedFolders(dir.resolve("small/train"), 0, 200);
        Path file = Files.writeString(dir.resolve("small.yaml"), """
                name: small
                dataset: {format: images, dir: small, height: 8, width: 8, channels: 3, validation: 40}
                architecture: cnn
                strategy: {type: random, trials: 1}
                parameters:
                  kernel_size: 7
                """);
        String problem = "cnn: 8x8 pictures shrink to a 4x4 map before convolution 2 (7x7), which needs at least 7x7. Fix: "
                + "give larger pictures (the dataset's height and width), or a smaller kernel_size.";
        Cli plan = Cli.run("plan", file.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("test images of 8x8x3 (height, width, channels), 10 classes").contains("will fail: " + problem);

        String db = dir.resolve("experiments").toString();
        Cli.run("run", file.toString(), "--db", db, "--quiet");
        JsonNode trial = JSON.readTree(Cli.run("leaderboard", "--db", db, "--format", "json").out()).get(0);
        assertThat(trial.get("state").asText()).isEqualTo("FAILED");
        assertThat(trial.get("error").asText()).isEqualTo(problem);
    }

    private static int colouredPixels(BufferedImage image) {
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40 ? 1 : 0;
            }
        }
        return coloured;
    }
}
