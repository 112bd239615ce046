package dev.sweep.config;

import dev.sweep.TinyArchitecture;
import dev.sweep.space.ParameterSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SweepFileLoaderTest {
    private final SweepFileLoader loader = new SweepFileLoader(TinyArchitecture.registry());
    private static final Path FILE = Path.of("spaces/test.yaml");

    private static final String VALID = """
            name: quick
            dataset: {name: mnist, train_limit: 48000, validation: 12000}
            architecture: tiny
            strategy: {type: random, trials: 4}
            seed: 7
            objective: {metric: val_accuracy, goal: maximize}
            parameters:
              epochs: 1
              batch_size: {values: [32, 64, 128]}
              optimizer: adam
              learning_rate: {float: [1.0e-4, 1.0e-2], scale: log}
              units: {int: [32, 512], step: 32}
              dropout: {float: [0.1, 0.5]}
            """;

    @Test
    void everyParameterFormOfTheDocumentedFileIsUnderstood() {
        SweepDefinition d = loader.parse(VALID, FILE);
        assertThat(d.name()).isEqualTo("quick");
        assertThat(d.seed()).isEqualTo(7);
        assertThat(d.strategy().name()).isEqualTo("random");
        assertThat(d.strategy().trials()).isEqualTo(4);
        assertThat(d.strategy().describe()).isEqualTo("random search, 4 trials");
        assertThat(d.dataset()).isEqualTo(new DatasetSpec("mnist", java.util.Map.of(), 48000, 12000));
        assertThat(d.parameters()).containsEntry("epochs", new ParameterSpec.Fixed(1))
                .containsEntry("optimizer", new ParameterSpec.Fixed("adam"))
                .containsEntry("learning_rate", new ParameterSpec.FloatRange(1e-4, 1e-2, true))
                .containsEntry("units", new ParameterSpec.IntRange(32, 512, 32))
                .containsEntry("dropout", new ParameterSpec.FloatRange(0.1, 0.5, false));
        assertThat(d.parameters().get("batch_size")).isEqualTo(new ParameterSpec.Choice(java.util.List.of(32, 64, 128)));
    }

    @Test
    void aSteppedFloatRangeStaysAnOrderedRangeOfItsSteps() {
        SweepDefinition d = loader.parse(VALID.replace("dropout: {float: [0.1, 0.5]}", "dropout: {float: [0.1, 0.5], step: 0.1}"), FILE);
        ParameterSpec.FloatRange dropout = (ParameterSpec.FloatRange) d.parameters().get("dropout");
        assertThat(dropout.stepped()).isTrue();
        assertThat(java.util.stream.LongStream.rangeClosed(0, dropout.stepCount()).mapToObj(dropout::valueAt).toList())
                .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
    }

    @Test
    void unknownKeyIsReportedWithItsLineAndTheClosestKnownKey() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace("seed: 7", "sed: 7"), FILE),
                ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("unknown key 'sed'").contains("Did you mean 'seed'?");
        });
        assertThat(e.getMessage()).contains("spaces/test.yaml:5:1");
    }

    @Test
    void anOptunaStyleRangeIsOneProblemWhoseFixIsTheSameRangeInSweepsForm() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace(
                "{float: [1.0e-4, 1.0e-2], scale: log}", "{type: float, low: 0.0005, high: 0.005, log: true}"), FILE),
                ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("'learning_rate' needs exactly one of values, float or int");
            assertThat(p.fix()).isEqualTo("in a Sweep file that range is written learning_rate: {float: [0.0005, 0.005], scale: log}");
        });
    }

    @Test
    void aKerasTunerStyleIntRangeKeepsItsStepAndSweepsOwnKeysAreNotCalledUnknown() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace(
                "{int: [32, 512], step: 32}", "{type: int, min_value: 32, max_value: 512, step: 32, bogus: 1}"), FILE),
                ConfigurationException.class);
        assertThat(e.problems()).extracting(p -> p.message() + " | " + p.fix()).containsExactly(
                "parameter 'units' needs exactly one of values, float or int | in a Sweep file that range is written units: {int: [32, 512], step: 32}",
                "unknown key 'bogus' in parameter 'units'. | the keys of parameter 'units' are: values, float, int, scale, step, when");
    }

        @Test
    void minAboveMaxIsReportedWithTheSwappedRangeAsFix() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(
                VALID.replace("[1.0e-4, 1.0e-2]", "[1.0e-2, 1.0e-4]"), FILE), ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("min 0.01 greater than max 0.0001");
            assertThat(p.fix()).contains("float: [0.0001, 0.01]");
        });
    }

    @Test
    void unknownArchitectureListsTheKnownOnes() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace("architecture: tiny", "architecture: tinny"), FILE),
                ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("unknown architecture 'tinny'").contains("Did you mean 'tiny'?");
            assertThat(p.fix()).contains("known architectures: tiny");
        });
    }

    @Test
    void undeclaredParameterListsTheDeclaredOnes() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace("units:", "unit:"), FILE),
                ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).contains("parameter 'unit' is not declared by architecture 'tiny'").contains("Did you mean 'units'?");
            assertThat(p.fix()).contains("epochs, batch_size, optimizer, learning_rate, momentum").contains("min_delta, units, dropout, activation");
        });
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String bad = VALID.replace("seed: 7", "sed: 7").replace("[0.1, 0.5]", "[0.5, 0.1]")
                .replace("optimizer: adam", "optimizer: adamw").replace("type: random", "type: randon");
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(bad, FILE), ConfigurationException.class);
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).startsWith("4 configuration problems:")
                .contains("unknown key 'sed'").contains("min 0.5 greater than max 0.1")
                .contains("'optimizer' expects one of adam, sgd, nesterovs, rmsprop, adagrad, got 'adamw'")
                .contains("unknown strategy 'randon'. Did you mean 'random'?");
    }

    @Test
    void enqueuedSetsAndAWarmStartAreReadInTheFilesOrder() {
        SweepDefinition d = loader.parse(VALID.replace("trials: 4", "trials: 9") + """
                enqueue:
                  - {learning_rate: 0.001, units: 128}
                  - {batch_size: 64}
                warm_start: {from: quickstart, top: 3}
                """, FILE);
        assertThat(d.firstTrials().enqueued()).containsExactly(java.util.Map.of("learning_rate", 0.001, "units", 128),
                java.util.Map.of("batch_size", 64));
        assertThat(d.firstTrials().warmStart()).isEqualTo(new FirstTrials.WarmStart("quickstart", 3));
        assertThat(d.firstTrials().count()).isEqualTo(5);
    }

    @Test
    void everyEnqueuedValueTheSpaceCouldNotDrawIsReportedAtItsLineAtOnce() {
        String bad = VALID + """
                  momentum: {float: [0.5, 0.99], when: {batch_size: 32}}
                enqueue:
                  - {learning_rate: 0.5, units: 100, epochs: 3}
                  - {batch_size: 48, unit: 64}
                  - {batch_size: 64, momentum: 0.9}
                  - 0.001
                warm_start: {top: 2}
                """;
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(bad, FILE), ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "enqueue[0].learning_rate = 0.5 is outside its range [0.0001, 0.01]",
                "enqueue[0].units = 100 is not on its step 32 from 32",
                "enqueue[0]: 'epochs' is fixed in parameters, so every trial has epochs = 1",
                "enqueue[1].batch_size = 48 is not among its values [32, 64, 128]",
                "enqueue[1]: 'unit' is not a parameter of this sweep. Did you mean 'units'?",
                "enqueue[2]: 'momentum' is inactive in this set (momentum is searched when batch_size = 32)",
                "enqueue[3] must be a mapping of searched parameters to values, not 0.001",
                "warm_start needs the sweep to start from");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isGreaterThan(13));
    }

    @Test
    void enqueuedTrialsCountWithinTheTrialsAndNeedASamplerThatDraws() {
        String enqueue = """
                enqueue: [{units: 64}, {units: 96}]
                warm_start: {from: other, top: 3}
                """;
        ConfigurationException tooMany = catchThrowableOfType(() -> loader.parse(VALID + enqueue, FILE), ConfigurationException.class);
        assertThat(tooMany.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("2 enqueued sets and warm_start.top 3 need 5 trials, but strategy.trials is 4; "
                    + "they count within it");
            assertThat(p.fix()).contains("raise strategy.trials to at least 5");
        });
        ConfigurationException grid = catchThrowableOfType(() -> loader.parse(VALID.replace("{type: random, trials: 4}", "{type: grid}")
                + enqueue, FILE), ConfigurationException.class);
        assertThat(grid.problems()).singleElement().extracting(ConfigProblem::message)
                .isEqualTo("grid search runs its own points, so it takes no enqueue or warm_start");
    }

    @Test
    void theLocalExecutorIsTheDefaultAndTakesNoSettings() {
        assertThat(loader.parse(VALID, FILE).executor()).isEqualTo(ExecutorSpec.IN_PROCESS);
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID
                + "executor: {type: local, ship_data: true, conf: {spark.x: 1}}\n", FILE), ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "conf is not a setting of the local executor", "ship_data is not a setting of the local executor");
    }

    @Test
    void valueOutsideTheDeclaredRangeIsRejected() {
        assertThatThrownBy(() -> loader.parse(VALID.replace("dropout: {float: [0.1, 0.5]}", "dropout: 1.5"), FILE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'dropout' value 1.5 is outside the allowed range number 0..0.9");
    }

    @Test
    void brokenYamlSyntaxIsReportedAtItsLine() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse("name: x\narchitecture: [tiny\nstrategy: 1\n", FILE),
                ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThan(1);
        });
    }

    @Test
    void missingRequiredKeysAreNamed() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse("parameters: {epochs: 1}\n", FILE),
                ConfigurationException.class);
        assertThat(e.getMessage()).contains("'name' is missing").contains("'architecture' is missing").contains("'strategy' is missing");
    }

    @Test
    void notANumberAndInfinityAreRefusedWhereverANumberGoes() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace("seed: 7", "seed: .nan")
                .replace("[0.1, 0.5]", "[0.1, .inf]").replace("epochs: 1", "epochs: 123456789012345678901234"), FILE),
                ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(5, 8, 13);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "'.nan' is not a number a setting can take",
                "'123456789012345678901234' is larger than any setting takes (64-bit integers at most)",
                "'.inf' is not a number a setting can take");
    }

    @Test
    void yamlNestedThousandsDeepIsALocatedProblemNotAStackOverflow() {
        String deep = VALID + "  units_1: " + "[".repeat(2000) + "]".repeat(2000) + "\n";
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(deep, FILE), ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.message()).isEqualTo("the YAML nests more than 32 levels deep");
        });
    }

    @Test
    void aSteppedRangeOfTrillionsOfStepsIsRefusedAtOnce() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(
                VALID.replace("dropout: {float: [0.1, 0.5]}", "dropout: {float: [0.0, 0.5], step: 1.0e-21}"), FILE),
                ConfigurationException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).isEqualTo("the stepped range of 'dropout' has 5.00e+20 steps, more than 100,000");
            assertThat(p.fix()).contains("raise step");
        });
    }

    @Test
    void aPrunersSettingsAreCheckedAgainstTheOnesItsTypeDeclares() {
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace("seed: 7",
                "seed: 7\npruner: {type: asha, reduction: 1, warmup_epochs: 2}"), FILE), ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "'pruner.reduction' value 1 is outside the allowed range integer 2..100",
                "warmup_epochs is not a setting of the asha pruner");
        assertThat(e.problems().get(1).fix()).isEqualTo("its keys are: type, min_epochs, reduction");
        SweepDefinition d = loader.parse(VALID.replace("seed: 7", "seed: 7\npruner: {type: median, min_trials: 3}"), FILE);
        assertThat(d.pruner().name()).isEqualTo("median");
        assertThat(d.pruner().settings()).containsEntry("min_trials", 3).containsEntry("warmup_epochs", 1);
    }

    @Test
    void aReproducibleScheduleIsAStrategyKeyAndRefusesAPrunerWhoseDecisionsDependOnTiming() {
        assertThat(loader.parse(VALID.replace("trials: 4}", "trials: 4, reproducible: true}"), FILE).strategy().reproducible()).isTrue();
        assertThat(loader.parse(VALID, FILE).strategy().reproducible()).isFalse();
        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace("trials: 4}", "trials: 4, reproducible: true}")
                .replace("seed: 7", "seed: 7\npruner: {type: median}"), FILE), ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "a pruner does not combine with strategy.reproducible: whether it stops a trial depends on which other "
                        + "trials reached an epoch first");
    }

    @Test
    void aDatasetIsAFormatWithItsSettingsAndTheShorthandsStillRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("kmnist"));
        Path file = dir.resolve("sweep.yaml");
        SweepDefinition canonical = loader.parse(VALID.replace("dataset: {name: mnist, train_limit: 48000, validation: 12000}",
                "dataset: {format: idx, dir: kmnist, validation: 500}"), file);
        assertThat(canonical.dataset()).isEqualTo(DatasetSpec.idx(dir.resolve("kmnist"), null, 500));
        assertThat(canonical.dataset().describe()).isEqualTo("idx " + dir.resolve("kmnist").toAbsolutePath());
        SweepDefinition shorthand = loader.parse(VALID.replace("dataset: {name: mnist, train_limit: 48000, validation: 12000}",
                "dataset: {idx_dir: kmnist, validation: 500}"), file);
        assertThat(shorthand.dataset()).isEqualTo(canonical.dataset());
        assertThat(loader.parse(VALID.replace("{name: mnist, ", "{format: mnist, "), file).dataset()).isEqualTo(
                new DatasetSpec("mnist", java.util.Map.of(), 48000, 12000));

        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace("dataset: {name: mnist, train_limit: 48000, validation: 12000}",
                "dataset: {format: idks, validation: 500}"), file), ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly("unknown dataset format 'idks'. Did you mean 'idx'?");
        ConfigurationException both = catchThrowableOfType(() -> loader.parse(VALID.replace("dataset: {name: mnist, train_limit: 48000, validation: 12000}",
                "dataset: {format: idx, idx_dir: kmnist}"), file), ConfigurationException.class);
        assertThat(both.problems()).extracting(ConfigProblem::message).containsExactly("dataset has more than one of format, name, idx_dir, images and csv");
        ConfigurationException missing = catchThrowableOfType(() -> loader.parse(VALID.replace("dataset: {name: mnist, train_limit: 48000, validation: 12000}",
                "dataset: {format: idx, folder: kmnist}"), file), ConfigurationException.class);
        assertThat(missing.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "folder is not a setting of the idx format", "an idx dataset needs its folder");
    }

    @Test
    void imagesAndCsvShorthandsSizeShapeAndAValidationShareReadAsTheirLongForms(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("photos/train"));
        java.nio.file.Files.writeString(dir.resolve("train.csv"), "label,p0\n0,1\n");
        Path file = dir.resolve("sweep.yaml");
        String mnist = "dataset: {name: mnist, train_limit: 48000, validation: 12000}";
        DatasetSpec shorthand = loader.parse(VALID.replace(mnist, "dataset: {images: photos, size: [32, 24], channels: 3, validation: 0.2}"), file).dataset();
        DatasetSpec longhand = loader.parse(VALID.replace(mnist,
                "dataset: {format: images, dir: photos, height: 32, width: 24, channels: 3, validation: 0.2}"), file).dataset();
        assertThat(shorthand).isEqualTo(longhand);
        assertThat(shorthand.settings()).containsEntry("height", 32).containsEntry("width", 24).containsEntry("channels", 3);
        assertThat(shorthand.validationCount(1000)).as("a share of the training images, as Keras' validation_split").isEqualTo(200);
        DatasetSpec csv = loader.parse(VALID.replace(mnist, "dataset: {csv: train.csv, shape: [28, 28, 1]}"), file).dataset();
        assertThat(csv.format()).isEqualTo("csv");
        assertThat(csv.settings()).containsEntry("file", dir.resolve("train.csv").toAbsolutePath().toString())
                .containsEntry("height", 28).containsEntry("channels", 1);
        assertThat(csv.validationCount(60_000)).isEqualTo(12_000);

        ConfigurationException e = catchThrowableOfType(() -> loader.parse(VALID.replace(mnist,
                "dataset: {images: photos, size: [32], height: 20, validation: 1.5}"), file), ConfigurationException.class);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "dataset.validation is 1.5, neither a whole count of images nor a share between 0 and 1",
                "dataset.size must be a list of 2 whole numbers, height and width");
        ConfigurationException twice = catchThrowableOfType(() -> loader.parse(VALID.replace(mnist,
                "dataset: {images: photos, size: [32, 32], height: 20}"), file), ConfigurationException.class);
        assertThat(twice.problems()).extracting(ConfigProblem::message).containsExactly("dataset.size and dataset.height both give the height");
        ConfigurationException range = catchThrowableOfType(() -> loader.parse(VALID.replace(mnist,
                "dataset: {images: photos, size: [2, 32]}"), file), ConfigurationException.class);
        assertThat(range.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("dataset.size's height: ");
            assertThat(p.line()).isPositive();
        });
        ConfigurationException idx = catchThrowableOfType(() -> loader.parse(VALID.replace(mnist,
                "dataset: {format: mnist, size: [32, 32]}"), file), ConfigurationException.class);
        assertThat(idx.problems()).extracting(ConfigProblem::message).containsExactly("the mnist format has no height for dataset.size to set");
    }
}
