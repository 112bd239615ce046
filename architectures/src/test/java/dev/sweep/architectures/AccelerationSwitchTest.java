package dev.sweep.architectures;

import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.arch.TrainingFastPaths;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.train.NetworkFactory;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L2Regularization;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -Dsweep.accel=off} trains the networks with plain DL4J, and they learn what the fast paths make them learn:
 * the same weights after a few steps, to a few float roundings (the fast L2 and the vectorized Adam round in another
 * order; the ReLU and pooling paths give the same bits, as TrainingFastPathsTest shows one by one).
 */
class AccelerationSwitchTest {
    private static final ImageShape MNIST = new ImageShape(28, 28, 1, 10);
    /** Of the largest weight change, the share two orders of rounding may differ by after the steps below. */
    private static final double TOLERANCE = 1e-4;
    private static final int STEPS = 4;

    private final ArchitectureRegistry registry = com.google.inject.Guice.createInjector(new ArchitecturePlugins())
            .getInstance(ArchitectureRegistry.class);

    @AfterEach
    void backOn() {
        System.clearProperty("sweep.accel");
    }

    private INDArray trained(String name, boolean accelerated) {
        if (accelerated) {
            System.clearProperty("sweep.accel");
        } else {
            System.setProperty("sweep.accel", "off");
        }
        assertThat(TrainingFastPaths.enabled()).isEqualTo(accelerated);
        Network network = NetworkFactory.build(registry.get(name), registry.resolve(registry.get(name), Map.of("weight_decay", 1e-4)),
                MNIST, 1);
        if (!accelerated && network.model() instanceof MultiLayerNetwork m && m.getLayer(0).conf().getLayer() instanceof BaseLayer base) {
            assertThat(base.getRegularization()).as("DL4J's own L2 with the fast paths off")
                    .allSatisfy(r -> assertThat(r).isExactlyInstanceOf(L2Regularization.class));
        }
        Random random = new Random(5);
        for (int step = 0; step < STEPS; step++) {
            float[] pixels = new float[32 * 784];
            float[] labels = new float[32 * 10];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat();
            }
            for (int b = 0; b < 32; b++) {
                labels[b * 10 + random.nextInt(10)] = 1;
            }
            network.fit(Nd4j.create(pixels, new int[] {32, 784}), Nd4j.create(labels, new int[] {32, 10}));
        }
        return network.model().params().dup();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp", "lenet5", "cnn"})
    void offTheFastPathsANetworkLearnsTheSameWeights(String name) {
        INDArray initial;
        System.setProperty("sweep.accel", "off");
        initial = NetworkFactory.build(registry.get(name), registry.resolve(registry.get(name), Map.of("weight_decay", 1e-4)), MNIST, 1)
                .model().params().dup();
        INDArray fast = trained(name, true);
        INDArray plain = trained(name, false);
        double moved = fast.sub(initial).amaxNumber().doubleValue();
        double apart = fast.sub(plain).amaxNumber().doubleValue();
        System.out.printf("%s: largest weight change %.3g, largest difference on and off %.3g%n", name, moved, apart);
        assertThat(moved).as("the steps changed the weights").isPositive();
        assertThat(apart).as("%s: the largest difference, against the largest change %.3g", name, moved).isLessThanOrEqualTo(TOLERANCE * moved);
    }
}
