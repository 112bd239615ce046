package dev.sweep.train;

import dev.sweep.TinyArchitecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.Network;
import dev.sweep.config.DatasetSpec;
import dev.sweep.config.Objective;
import dev.sweep.data.DataSplit;
import dev.sweep.data.DatasetRepository;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each training knob, shown by its effect on a real network and real MNIST images, not only by parsing. */
class TrainingKnobsTest {
    private static final ArchitectureRegistry REGISTRY = TinyArchitecture.registry();
    private static final DatasetRepository DATA = new DatasetRepository(Path.of(System.getProperty("sweep.data.dir")), m -> { });
    private static final Objective ACCURACY = Objective.defaultFor("val_accuracy");

    private static DataSplit data(int train) {
        return DATA.split(new DatasetSpec("mnist", java.util.Map.of(), train, 500));
    }

    private static HyperParameters parameters(Map<String, Object> overrides) {
        return REGISTRY.resolve(REGISTRY.get("tiny"), overrides);
    }

    private static Network network(HyperParameters p, int stepsPerEpoch) {
        return NetworkFactory.build(REGISTRY.get("tiny"), p, data(256).shape(), 3, stepsPerEpoch);
    }

    /** The learning rate the network's updater uses for its next step, per epoch of a real run. */
    private static List<Double> ratesPerEpoch(Map<String, Object> schedule, int epochs) throws TrialFailedException {
        HyperParameters p = parameters(new LinkedHashMap<>(Map.of("optimizer", "sgd", "learning_rate", 0.1, "epochs", epochs,
                "batch_size", 64)));
        Map<String, Object> all = new LinkedHashMap<>(p.asMap());
        all.putAll(schedule);
        p = new HyperParameters(all);
        Network network = network(p, 4);
        List<Double> rates = new ArrayList<>();
        MultiLayerNetwork model = (MultiLayerNetwork) network.model();
        rates.add(model.getLearningRate(0));
        Trainer.train(network, TrainingSettings.of(p, ACCURACY, data(256)), data(256), 1, new TrialReporter() {
            @Override
            public void epochCompleted(EpochMetrics metrics) {
                rates.add(model.getLearningRate(0));
            }
        });
        return rates.subList(0, epochs);
    }

    @Test
    void stepExponentialAndCosineSchedulesSetEachEpochsLearningRate() throws Exception {
        assertThat(ratesPerEpoch(Map.of("lr_schedule", "step", "lr_decay", 0.5, "lr_step_epochs", 2), 5))
                .containsExactly(0.1, 0.1, 0.05, 0.05, 0.025);
        assertThat(ratesPerEpoch(Map.of("lr_schedule", "exponential", "lr_decay", 0.9), 3))
                .satisfies(r -> assertThat(r.get(2)).isCloseTo(0.1 * 0.81, within(1e-12)));
        List<Double> cosine = ratesPerEpoch(Map.of("lr_schedule", "cosine"), 4);
        for (int e = 0; e < 4; e++) {
            assertThat(cosine.get(e)).isCloseTo(0.1 * 0.5 * (1 + Math.cos(Math.PI * e / 4)), within(1e-12));
        }
        assertThat(ratesPerEpoch(Map.of(), 2)).containsExactly(0.1, 0.1);
    }

    @Test
    void warmUpRisesStepByStepToTheLearningRate() throws Exception {
        HyperParameters p = parameters(Map.of("optimizer", "sgd", "learning_rate", 0.1, "warmup_epochs", 1));
        Network network = network(p, 4);
        MultiLayerNetwork model = (MultiLayerNetwork) network.model();
        INDArray x = Nd4j.rand(8, 784);
        INDArray y = Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7);
        List<Double> rates = new ArrayList<>();
        for (int step = 0; step < 6; step++) {
            rates.add(model.getLearningRate(0));
            network.fit(x, y);
        }
        double[] expected = {0.025, 0.05, 0.075, 0.1, 0.1, 0.1};
        for (int step = 0; step < expected.length; step++) {
            assertThat(rates.get(step)).as("step %d", step).isCloseTo(expected[step], within(1e-12));
        }
    }

    @Test
    void sgdMomentumFollowsPyTorchsRuleAndSurvivesSaveAndReload() throws Exception {
        MomentumSgd config = new MomentumSgd(0.1, 0.9);
        GradientUpdater<?> updater = config.instantiate(Nd4j.zeros(1, 1), true);
        double[] steps = new double[3];
        for (int i = 0; i < 3; i++) {
            INDArray gradient = Nd4j.ones(1, 1);
            updater.applyUpdater(gradient, i, 0);
            steps[i] = gradient.getDouble(0);
        }
        // v1 = 1, v2 = 0.9 + 1, v3 = 1.71 + 1; each step is lr * v
        assertThat(steps[0]).isCloseTo(0.1, within(1e-6));
        assertThat(steps[1]).isCloseTo(0.19, within(1e-6));
        assertThat(steps[2]).isCloseTo(0.271, within(1e-6));

        Network network = network(parameters(Map.of("optimizer", "sgd", "learning_rate", 0.05, "momentum", 0.9,
                "lr_schedule", "cosine", "epochs", 3)), 4);
        INDArray x = Nd4j.rand(8, 784);
        INDArray y = Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7);
        network.fit(x, y);
        double first = network.lastLoss();
        for (int i = 0; i < 10; i++) {
            network.fit(x, y);
        }
        assertThat(network.lastLoss()).isLessThan(first);
        Network reloaded = Network.fromBytes(network.toBytes(), network.format());
        assertThat(reloaded.output(x)).isEqualTo(network.output(x));
        assertThat(((MultiLayerNetwork) reloaded.model()).getLayerWiseConfigurations().getConf(0).getLayer())
                .extracting(l -> ((BaseLayer) l).getIUpdater()).isInstanceOf(MomentumSgd.class);
    }

    @Test
    void weightDecayRegularizesWeightsAndBiasesWithPyTorchsCoefficientBesideKerasL2() {
        MultiLayerNetwork model = (MultiLayerNetwork) network(parameters(Map.of("weight_decay", 0.001, "l2", 0.01)), 1).model();
        BaseLayer hidden = (BaseLayer) model.getLayerWiseConfigurations().getConf(0).getLayer();
        assertThat(coefficients(hidden.getRegularization())).containsExactly(0.02, 0.001);
        assertThat(coefficients(hidden.getRegularizationBias())).containsExactly(0.001);
    }

    private static List<Double> coefficients(List<Regularization> regularizations) {
        return regularizations.stream().map(r -> ((L2Regularization) r).getL2().valueAt(0, 0)).toList();
    }

    @Test
    void standardizeGivesInputsOfMeanZeroAndUnitSpread() {
        DataSplit split = data(5000);
        INDArray scaled = new TrainingBatches(split.train(), 10, 5000, new Random(1), InputNormalization.SCALE,
                new Augmentation(0, 0, false, new Random(1))).next()[0];
        INDArray standardized = new TrainingBatches(split.train(), 10, 5000, new Random(1), InputNormalization.STANDARDIZE,
                new Augmentation(0, 0, false, new Random(1))).next()[0];
        assertThat(scaled.meanNumber().doubleValue()).isCloseTo(0.1307, within(0.01));
        assertThat(standardized.meanNumber().doubleValue()).isCloseTo(0.0, within(0.03));
        assertThat(standardized.stdNumber().doubleValue()).isCloseTo(1.0, within(0.03));
    }

    @Test
    void augmentationMovesPixelsButKeepsLabelsAndNeverTouchesValidationOrTest() throws Exception {
        DataSplit split = data(512);
        INDArray[] plain = new TrainingBatches(split.train(), 10, 512, new Random(5), InputNormalization.SCALE,
                new Augmentation(0, 0, false, new Random(9))).next();
        INDArray[] augmented = new TrainingBatches(split.train(), 10, 512, new Random(5), InputNormalization.SCALE,
                new Augmentation(10, 0.05, false, new Random(9))).next();
        assertThat(augmented[1]).isEqualTo(plain[1]);
        assertThat(augmented[0]).isNotEqualTo(plain[0]);
        long changedImages = 0;
        for (int i = 0; i < 512; i++) {
            if (!augmented[0].getRow(i).equals(plain[0].getRow(i))) {
                changedImages++;
            }
        }
        assertThat(changedImages).isGreaterThan(500);
        // Ink is moved, not made: a shifted, rotated digit keeps about its total brightness.
        assertThat(augmented[0].sumNumber().doubleValue()).isCloseTo(plain[0].sumNumber().doubleValue(),
                within(0.05 * plain[0].sumNumber().doubleValue()));
        INDArray[] again = new TrainingBatches(split.train(), 10, 512, new Random(5), InputNormalization.SCALE,
                new Augmentation(10, 0.05, false, new Random(9))).next();
        assertThat(again[0]).as("seeded").isEqualTo(augmented[0]);

        INDArray validationBefore = split.validationSet().features().dup();
        INDArray testBefore = split.testSet().features().dup();
        HyperParameters p = parameters(Map.of("epochs", 1, "rotation", 10.0, "translation", 0.05));
        Trainer.train(network(p, 8), TrainingSettings.of(p, ACCURACY, split), split, 1, TrialReporter.NONE);
        assertThat(split.validationSet().features()).isEqualTo(validationBefore);
        assertThat(split.testSet().features()).isEqualTo(testBefore);
    }

    @Test
    void earlyStoppingFollowsKerasPatienceAndMinDelta() {
        EarlyStopping stopping = new EarlyStopping(2, 0.005, true);
        double[] accuracy = {0.90, 0.93, 0.934, 0.931, 0.95};
        int stoppedAfter = 0;
        for (int e = 1; e <= accuracy.length; e++) {
            stopping.observe(e, accuracy[e - 1]);
            if (stopping.shouldStop()) {
                stoppedAfter = e;
                break;
            }
        }
        assertThat(stoppedAfter).isEqualTo(4); // 0.934 and 0.931 do not beat 0.93 by 0.005
        assertThat(stopping.bestEpoch()).isEqualTo(2);
        EarlyStopping loss = new EarlyStopping(1, 0, false);
        loss.observe(1, 0.5);
        loss.observe(2, 0.4);
        assertThat(loss.shouldStop()).isFalse();
        loss.observe(3, 0.45);
        assertThat(loss.shouldStop()).isTrue();
        assertThat(loss.bestEpoch()).isEqualTo(2);
    }

    @Test
    void earlyStoppingStopsTheRunAndHandsBackTheBestEpochsWeights() throws Exception {
        DataSplit split = data(1000);
        // No epoch can beat another by a whole unit of accuracy: epoch 1 stays best and patience 2 ends epoch 3.
        HyperParameters p = parameters(Map.of("epochs", 10, "patience", 2, "min_delta", 1.0));
        Network network = network(p, 16);
        Trainer.Outcome outcome = Trainer.train(network, TrainingSettings.of(p, ACCURACY, split), split, 1, TrialReporter.NONE);
        assertThat(outcome.epochs()).hasSize(3);
        assertThat(outcome.bestEpoch()).isEqualTo(1);
        ClassificationMetrics now = Evaluator.quick(network, split.validationSet(), 10, InputNormalization.SCALE);
        assertThat(now.accuracy()).isEqualTo(outcome.epochs().get(0).valAccuracy());
        assertThat(outcome.validation().accuracy()).isEqualTo(outcome.epochs().get(0).valAccuracy());
        assertThat(outcome.epochs().get(2).valAccuracy()).isNotEqualTo(outcome.epochs().get(0).valAccuracy());
    }

    @Test
    void trainingAccuracyIsMeasuredAfterEachEpochOnUnaugmentedTrainingImages() throws Exception {
        DataSplit split = data(1000);
        // Heavy augmentation changes the batches the network learns from, never the images its training accuracy is
        // measured on: the last epoch's figure is that of the final network on the plain training sample.
        HyperParameters p = parameters(Map.of("epochs", 3, "rotation", 30, "translation", 0.2));
        Network network = network(p, 16);
        Trainer.Outcome outcome = Trainer.train(network, TrainingSettings.of(p, ACCURACY, split), split, 1, TrialReporter.NONE);
        assertThat(outcome.epochs()).allSatisfy(e -> assertThat(e.trainAccuracy()).isBetween(0.05, 1.0));
        assertThat(outcome.epochs().get(2).trainAccuracy()).isGreaterThan(outcome.epochs().get(0).trainAccuracy());
        assertThat(split.trainSampleSet().count()).isEqualTo(1000);
        ClassificationMetrics onTrainingImages = Evaluator.quick(network, split.trainSampleSet(), 10, InputNormalization.SCALE);
        assertThat(outcome.epochs().get(2).trainAccuracy()).isEqualTo(onTrainingImages.accuracy());
    }
}
