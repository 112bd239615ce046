package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.data.MnistDownload;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.RepeatRecord;
import dev.sweep.store.TrialRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real MNIST slices, real DL4J training, a real H2 file, through the real entry point. */
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path sweepFile(String name, String strategy, String parameters) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                name: %s
                dataset: {name: mnist, train_limit: 3000, validation: 500}
                architecture: mlp
                strategy: %s
                seed: 42
                objective: {metric: val_accuracy, goal: maximize}
                parameters:
                  epochs: 1
                %s
                """.formatted(name, strategy, parameters.indent(2)));
        return file;
    }

    private String db() {
        return dir.resolve("experiments").toString();
    }

    private JsonNode leaderboard(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("leaderboard", "--format", "json", "--db", db()));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        return JSON.readTree(cli.out());
    }

    @Test
    void aRandomSweepStoresEveryTrialAndTheLeaderboardListsThemBestFirst() throws IOException {
        Path file = sweepFile("random2", "{type: random, trials: 2}",
                "learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}\nunits: {int: [16, 64], step: 16}\ndropout: {float: [0.1, 0.5]}");
        Cli run = Cli.run("run", file.toString(), "--db", db());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("candidate #0 (1/2)").contains("candidate #1 (2/2)").contains("2 complete, 0 failed");

        JsonNode rows = leaderboard("--sweep", "random2");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("val_accuracy").asDouble()).isGreaterThanOrEqualTo(rows.get(1).get("val_accuracy").asDouble());
        for (JsonNode row : rows) {
            assertThat(row.get("state").asText()).isEqualTo("COMPLETE");
            // Chance is 0.1; one epoch on 3,000 images reaches about 0.85.
            assertThat(row.get("val_accuracy").asDouble()).isBetween(0.6, 1.0);
            assertThat(row.get("test_accuracy").asDouble()).isBetween(0.6, 1.0);
            assertThat(row.get("epochs_done").asInt()).isEqualTo(1);
            assertThat(row.get("parameters").get("units").asInt() % 16).isZero();
            assertThat(row.get("parameters").get("optimizer").asText()).isEqualTo("adam");
        }

        Cli table = Cli.run("leaderboard", "--db", db());
        assertThat(table.out()).contains("val_acc").contains("learning_rate").contains("random2");
    }

    @Test
    void theSameFileAndSeedGiveTheSameCandidatesAndMetricsWithEveryRandomKnobOn() throws IOException {
        Path file = sweepFile("again", "{type: random, trials: 2}", """
                learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}
                dropout: 0.3
                rotation: 10
                translation: 0.05
                lr_schedule: cosine
                warmup_epochs: 1
                normalize: standardize""");
        assertThat(Cli.run("run", file.toString(), "--db", db()).exitCode()).isZero();
        assertThat(Cli.run("run", file.toString(), "--db", db(), "--name", "again-2").exitCode()).isZero();
        JsonNode first = leaderboard("--sweep", "again");
        JsonNode second = leaderboard("--sweep", "again-2");
        for (int i = 0; i < 2; i++) {
            assertThat(second.get(i).get("parameters")).isEqualTo(first.get(i).get("parameters"));
            assertThat(second.get(i).get("val_accuracy")).isEqualTo(first.get(i).get("val_accuracy"));
            assertThat(second.get(i).get("test_accuracy")).isEqualTo(first.get(i).get("test_accuracy"));
        }
    }

    @Test
    void repeatsTrainEachTrialWithDifferentSeedsAndStoreEveryExecution() throws IOException {
        Path file = dir.resolve("repeated.yaml");
        Files.writeString(file, """
                name: repeated
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: mlp
                strategy: {type: random, trials: 1}
                repeats: 3
                parameters:
                  epochs: 2
                  units: 32
                """);
        Cli cli = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        JsonNode row = leaderboard("--sweep", "repeated").get(0);
        assertThat(row.get("repeats").asInt()).isEqualTo(3);
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            TrialRecord trial = store.trial(row.get("trial").asLong()).orElseThrow();
            List<RepeatRecord> repeats = store.repeats(trial.id());
            assertThat(repeats).extracting(RepeatRecord::seed).doesNotHaveDuplicates().hasSize(3);
            double[] values = repeats.stream().mapToDouble(RepeatRecord::objectiveValue).toArray();
            double mean = java.util.Arrays.stream(values).average().orElseThrow();
            assertThat(trial.objectiveValue()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(trial.objectiveStd()).isPositive();
            double best = java.util.Arrays.stream(values).max().orElseThrow();
            assertThat(trial.valAccuracy()).as("the stored model is the best repeat's").isEqualTo(best);
            for (RepeatRecord r : repeats) {
                assertThat(store.epochs(trial.id(), r.repeat())).hasSize(2)
                        .allSatisfy(e -> assertThat(e.trainAccuracy()).isBetween(0.3, 1.0));
            }
        }
        assertThat(Cli.run("leaderboard", "--sweep", "repeated", "--db", db()).out()).containsPattern("0\\.\\d{4} ±0\\.\\d{4}");
    }

    @Test
    void aGridSweepRunsEachOfItsFourPointsOnce() throws IOException {
        Path file = sweepFile("grid4", "{type: grid, points: 2}",
                "optimizer: {values: [adam, sgd]}\nlearning_rate: {float: [1.0e-3, 1.0e-2], scale: log}");
        Cli run = Cli.run("run", file.toString(), "--db", db());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("grid search, 4 points");
        JsonNode rows = leaderboard("--sweep", "grid4");
        List<String> points = new ArrayList<>();
        rows.forEach(r -> points.add(r.get("parameters").get("optimizer").asText() + "@" + r.get("parameters").get("learning_rate").asText()));
        assertThat(points).containsExactlyInAnyOrder("adam@0.001", "adam@0.01", "sgd@0.001", "sgd@0.01");
    }

    @Test
    void runningAFinishedSweepAgainTrainsNothingAndAChangedFileIsRefused() throws IOException {
        Path file = sweepFile("once", "{type: random, trials: 1}", "units: {int: [16, 32]}");
        assertThat(Cli.run("run", file.toString(), "--db", db()).exitCode()).isZero();
        Cli again = Cli.run("run", file.toString(), "--db", db());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already complete");
        assertThat(leaderboard("--sweep", "once")).hasSize(1);

        Files.writeString(file, Files.readString(file).replace("units: {int: [16, 32]}", "units: {int: [16, 48]}"));
        Cli changed = Cli.run("run", file.toString(), "--db", db());
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("already exists").contains("stored:").contains("[16, 32]").contains("--name NEW_NAME");
        assertThat(leaderboard("--sweep", "once")).hasSize(1);
    }

    @Test
    void exportThenEvaluateReproducesTheStoredTestAccuracy() throws IOException {
        Path file = sweepFile("exported", "{type: random, trials: 2}", "learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}");
        assertThat(Cli.run("run", file.toString(), "--db", db()).exitCode()).isZero();
        Path zip = dir.resolve("best.zip");
        Cli export = Cli.run("export", "--sweep", "exported", "--out", zip.toString(), "--db", db());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        JsonNode provenance = JSON.readTree(dir.resolve("best.json").toFile());
        JsonNode best = leaderboard("--sweep", "exported").get(0);
        assertThat(provenance.get("trial_id").asLong()).isEqualTo(best.get("trial").asLong());
        assertThat(provenance.get("parameters").get("learning_rate")).isNotNull();
        assertThat(provenance.get("dataset").get("validation").asText()).contains("[59500, 60000)");
        assertThat(provenance.get("sweep_yaml").asText()).contains("name: exported");

        Cli evaluate = Cli.run("evaluate", zip.toString(), "--format", "json");
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
        JsonNode metrics = JSON.readTree(evaluate.out());
        assertThat(metrics.get("test_images").asInt()).isEqualTo(10_000);
        assertThat(metrics.get("test_accuracy").asDouble()).isEqualTo(best.get("test_accuracy").asDouble());
        assertThat(metrics.get("test_macro_f1").asDouble()).isEqualTo(best.get("test_macro_f1").asDouble());
        assertThat(metrics.get("test_auc_roc").asDouble()).isBetween(0.9, 1.0);

        Cli twice = Cli.run("export", "--sweep", "exported", "--out", zip.toString(), "--db", db());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("already exists; add --force");
    }

    @Test
    void predictClassifiesIdxImagesAndPicturesOfDigitsAlike() throws IOException {
        Path file = sweepFile("predicting", "{type: random, trials: 1}", "units: 64");
        assertThat(Cli.run("run", file.toString(), "--db", db(), "--quiet").exitCode()).isZero();
        Path zip = dir.resolve("model.zip");
        assertThat(Cli.run("export", "--sweep", "predicting", "--out", zip.toString(), "--db", db()).exitCode()).isZero();
        Path mnist = MnistDownload.ensure(Path.of(System.getProperty("sweep.data.dir")), message -> { });
        Path testImages = mnist.resolve("t10k-images-idx3-ubyte");
        byte[] labels = Files.readAllBytes(mnist.resolve("t10k-labels-idx1-ubyte"));

        Cli idx = Cli.run("predict", zip.toString(), testImages.toString(), "--format", "json");
        assertThat(idx.exitCode()).as(idx.toString()).isZero();
        JsonNode rows = JSON.readTree(idx.out());
        assertThat(rows).hasSize(10_000);
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            correct += rows.get(i).get("predicted").asInt() == labels[8 + i] ? 1 : 0;
        }
        assertThat(correct / 10_000.0).as("predict agrees with the stored test accuracy")
                .isEqualTo(leaderboard("--sweep", "predicting").get(0).get("test_accuracy").asDouble());

        // The same digits as pictures: 28x28 as MNIST stores them, and 84x84 black ink on white paper.
        byte[] pixels = Files.readAllBytes(testImages);
        List<String> args = new ArrayList<>(List.of("predict", zip.toString(), "--format", "json"));
        for (int i = 0; i < 10; i++) {
            args.add(png(pixels, i, 1, false, "as-stored-" + i).toString());
            args.add(png(pixels, i, 3, true, "on-paper-" + i).toString());
        }
        Cli pictures = Cli.run(args.toArray(String[]::new));
        assertThat(pictures.exitCode()).as(pictures.toString()).isZero();
        JsonNode predicted = JSON.readTree(pictures.out());
        int agree = 0;
        for (int i = 0; i < 10; i++) {
            assertThat(predicted.get(2 * i).get("predicted")).isEqualTo(rows.get(i).get("predicted"));
            assertThat(predicted.get(2 * i).get("probability")).isEqualTo(rows.get(i).get("probability"));
            agree += predicted.get(2 * i + 1).get("predicted").equals(rows.get(i).get("predicted")) ? 1 : 0;
        }
        assertThat(agree).as("paper pictures are inverted, cropped and centred like MNIST").isGreaterThanOrEqualTo(8);

        Path notes = Files.writeString(dir.resolve("notes.png"), "not a picture");
        Cli bad = Cli.run("predict", zip.toString(), notes.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("notes.png: not an image Java can read");
    }

    /** MNIST test image {@code index} as a PNG, {@code scale} times larger, optionally dark ink on light paper. */
    private Path png(byte[] idx, int index, int scale, boolean onPaper, String name) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(28 * scale, 28 * scale,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28 * scale; y++) {
            for (int x = 0; x < 28 * scale; x++) {
                int v = idx[16 + index * 784 + (y / scale) * 28 + x / scale] & 0xff;
                image.getRaster().setSample(x, y, 0, onPaper ? 255 - v : v);
            }
        }
        Path out = dir.resolve(name + ".png");
        javax.imageio.ImageIO.write(image, "png", out.toFile());
        return out;
    }

    @Test
    void aBadSweepFileExitsTwoListingEveryProblemAndTrainsNothing() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                architecture: mpl
                strategy: {type: random, trails: 2}
                parameters:
                  learning_rate: {float: [0.1, 0.001]}
                """);
        Cli cli = Cli.run("run", file.toString(), "--db", db());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(file + ":2:15: unknown architecture 'mpl'. Did you mean 'mlp'?")
                .contains("known architectures: cnn, convnet, lenet5, mlp, resnet, vgg")
                .contains("trails is not a setting of random search. Did you mean 'trials'?")
                .contains("random search needs the number of trials");
        assertThat(Files.exists(dir.resolve("experiments.mv.db"))).isFalse();
    }

    @Test
    void anUndeclaredParameterIsRejectedWithTheDeclaredOnes() throws IOException {
        Path file = sweepFile("undeclared", "{type: random, trials: 1}", "kernel_size: 3");
        Cli cli = Cli.run("run", file.toString(), "--db", db());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("parameter 'kernel_size' is not declared by architecture 'mlp'")
                .contains("use one of: epochs, batch_size, optimizer, learning_rate, momentum").contains("min_delta, hidden_layers, units");
    }

    @Test
    void aCorruptIdxFileStopsTheSweepWithAClearErrorAndNoTrialRecorded() throws IOException {
        Path data = Files.createDirectories(dir.resolve("idx"));
        Path source = MnistDownload.ensure(Path.of(System.getProperty("sweep.data.dir")), message -> { });
        for (String f : List.of("train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
            Files.copy(source.resolve(f), data.resolve(f));
        }
        byte[] images = Files.readAllBytes(source.resolve("train-images-idx3-ubyte"));
        Files.write(data.resolve("train-images-idx3-ubyte"), java.util.Arrays.copyOf(images, images.length - 784 * 10));
        Path file = dir.resolve("corrupt.yaml");
        Files.writeString(file, """
                name: corrupt
                dataset: {idx_dir: idx, train_limit: 100, validation: 100}
                architecture: mlp
                strategy: {type: random, trials: 1}
                """);
        Cli cli = Cli.run("run", file.toString(), "--db", db());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).contains("train-images-idx3-ubyte: truncated: the header promises 47040000 values")
                .contains("Fix: replace it with a complete copy");
        assertThat(dir.resolve("experiments.mv.db")).as("data is checked before the database is opened").doesNotExist();
    }

    @Test
    void planShowsTheSpaceTheGridSizeAndAnEstimateWithoutTrainingOrWritingADatabase() throws IOException {
        Path file = sweepFile("planned", "{type: grid, points: 2}",
                "learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}\nunits: {values: [16, 32, 64]}");
        Cli cli = Cli.run("plan", file.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("is valid: sweep 'planned', architecture mlp, grid search, 6 grid points")
                .contains("3,000 training, 500 validation, 10,000 test images")
                .containsPattern("learning_rate +searched +float 0.001..0.01, log scale")
                .containsPattern("units +searched +one of 16, 32, 64")
                .containsPattern("hidden_layers +default +2")
                .contains("Candidate #0: epochs=1 learning_rate=0.001 units=16")
                .containsPattern("Estimated time: about [0-9.:]+ (s|min) for 6 trials");
        assertThat(dir.resolve("experiments.mv.db")).doesNotExist();
    }

    @Test
    void trialsSideBySideGiveExactlyTheResultsOfOneAtATime() throws IOException {
        Path file = sweepFile("side", "{type: random, trials: 4}",
                "learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}\nunits: {values: [16, 32]}\ndropout: 0.2");
        Cli sequential = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        Cli parallel = Cli.run("run", file.toString(), "--db", db(), "--quiet", "--name", "side-2", "--parallel", "2");
        assertThat(sequential.exitCode()).as(sequential.toString()).isZero();
        assertThat(parallel.exitCode()).as(parallel.toString()).isZero();
        assertThat(parallel.out()).contains("4 complete, 0 failed");
        JsonNode one = leaderboard("--sweep", "side");
        JsonNode two = leaderboard("--sweep", "side-2");
        for (int i = 0; i < 4; i++) {
            assertThat(two.get(i).get("number")).isEqualTo(one.get(i).get("number"));
            assertThat(two.get(i).get("val_accuracy")).isEqualTo(one.get(i).get("val_accuracy"));
            assertThat(two.get(i).get("test_accuracy")).isEqualTo(one.get(i).get("test_accuracy"));
        }
        Cli tooMany = Cli.run("run", file.toString(), "--db", db(), "--name", "side-0", "--parallel", "0");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--parallel is 1 to 64");
    }

    @Test
    void benchPrintsOneJsonObjectPerArchitectureWithTheMeasuresItPromises() throws IOException {
        Path peer = dir.resolve("peer.jsonl");
        Files.writeString(peer, """
                {"bench": "env", "train": [60000, 28, 28]}
                {"bench": "train_epoch", "arch": "mlp", "threads": 1, "epoch_s": 1.49, "train_img_per_s": 40366.0}
                {"bench": "train_epoch", "arch": "mlp", "threads": 2, "epoch_s": 4.96, "train_img_per_s": 12098.0}
                """);
        Cli cli = Cli.run("bench", "--arch", "mlp", "--seconds", "1", "--format", "json", "--peer", peer.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        JsonNode row = JSON.readTree(cli.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        assertThat(row.get("arch").asText()).isEqualTo("mlp");
        assertThat(row.get("params").asLong()).isEqualTo(109_386);
        for (String field : List.of("train_images_per_s", "train_images_per_cpu_s", "epoch_seconds", "eval_images_per_s", "peak_rss_mb", "overhead_share")) {
            assertThat(row.get(field).asDouble()).as(field).isPositive();
        }
        assertThat(row.get("overhead_share").asDouble()).isLessThan(1);
        assertThat(row.get("peer_train_images_per_s").asDouble()).isEqualTo(40366.0);
        assertThat(row.get("ratio_to_peer").asDouble())
                .isCloseTo(row.get("train_images_per_s").asDouble() / 40366.0, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void benchProfileNamesWhereTheTrainingThreadSpendsItsTime() {
        Cli cli = Cli.run("bench", "--arch", "mlp", "--seconds", "2", "--profile");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("self", "total", "Shares of the training thread's samples");
        // A training step of the mlp is native calls: DL4J's JNI into libnd4j shows among the top frames.
        assertThat(cli.out()).containsPattern("org\\.nd4j\\.\\S+|org\\.bytedeco\\.\\S+");
        Cli two = Cli.run("bench", "--profile");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("--profile measures one architecture");
    }
}
