package dev.sweep.architectures;

import com.google.inject.Guice;
import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.config.ConfigurationException;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.train.NetworkFactory;
import dev.sweep.plugin.ArchitecturePlugins;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every registered architecture must do. A new plugin adds nothing here but its expected parameter count at
 * defaults; the registry is read, so a plugin cannot be registered without being tested.
 */
class ArchitectureContractTest {
    private static final ImageShape MNIST = new ImageShape(28, 28, 1, 10);

    /** Parameter counts at defaults: the seeds' networks (see each class for the layout). */
    private static final Map<String, Long> DEFAULT_PARAMETER_COUNTS = Map.of(
            "mlp", 109_386L,
            "cnn", 429_258L,
            "convnet", 93_322L,
            "lenet5", 61_706L,
            "vgg", 870_634L,
            "resnet", 698_282L);

    private static final ArchitectureRegistry REGISTRY = Guice.createInjector(new ArchitecturePlugins())
            .getInstance(ArchitectureRegistry.class);

    @Test
    void everyRegisteredArchitectureHasItsExpectationsHere() {
        assertThat(REGISTRY.names()).containsExactlyInAnyOrderElementsOf(DEFAULT_PARAMETER_COUNTS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> atDefaultsTheParameterCountIsTheSeedsAndTheOutputIsTenClasses() {
        return each(architecture -> {
            Network network = build(architecture, Map.of());
            assertThat(network.parameterCount()).isEqualTo(DEFAULT_PARAMETER_COUNTS.get(architecture.name()));
            assertIsAProbabilityOverTenClasses(network.output(images(3, 1)));
        });
    }

    @TestFactory
    Stream<DynamicTest> buildsAtTheMinimumAndMaximumOfEveryDeclaredParameter() {
        return each(architecture -> {
            for (ParameterDeclaration declaration : architecture.parameters()) {
                for (Object value : extremes(declaration)) {
                    Network network = build(architecture, Map.of(declaration.name(), value));
                    INDArray output = network.output(images(2, 2));
                    assertThat(output.shape()).as("%s=%s", declaration.name(), value).containsExactly(2, 10);
                    assertIsAProbabilityOverTenClasses(output);
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aFewStepsOnATinyBatchLowerTheLoss() {
        return each(architecture -> {
            Network network = build(architecture, Map.of());
            INDArray features = images(16, 3);
            INDArray labels = oneHot(16, 4);
            network.fit(features, labels);
            double first = network.lastLoss();
            for (int step = 0; step < 7; step++) {
                network.fit(features, labels);
            }
            assertThat(network.lastLoss()).as("loss after 8 steps, first was %s", first).isLessThan(first);
        });
    }

    @TestFactory
    Stream<DynamicTest> savesAndReloadsWithIdenticalOutputs() {
        return each(architecture -> {
            Network network = build(architecture, Map.of());
            network.fit(images(8, 5), oneHot(8, 6));
            INDArray probe = images(4, 7);
            Network reloaded = Network.fromBytes(network.toBytes(), network.format());
            assertThat(reloaded.parameterCount()).isEqualTo(network.parameterCount());
            assertThat(reloaded.output(probe)).isEqualTo(network.output(probe));
        });
    }

    @TestFactory
    Stream<DynamicTest> anUndeclaredParameterInASweepFileListsTheDeclaredOnes() {
        SweepFileLoader loader = new SweepFileLoader(REGISTRY);
        return each(architecture -> {
            String yaml = "name: contract\narchitecture: " + architecture.name()
                    + "\ndataset: {name: mnist}\nstrategy: {type: random, trials: 1}\nparameters:\n  no_such_knob: 3\n";
            assertThatThrownBy(() -> loader.parse(yaml, Path.of("contract.yaml")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("contract.yaml:6")
                    .hasMessageContaining("'no_such_knob' is not declared by architecture '" + architecture.name() + "'")
                    .hasMessageContaining(String.join(", ", REGISTRY.declaredParameters(architecture).keySet()));
        });
    }

    private interface Check {
        void run(Architecture architecture) throws Exception;
    }

    private static Stream<DynamicTest> each(Check check) {
        return REGISTRY.all().stream().map(a -> DynamicTest.dynamicTest(a.name(), () -> check.run(a)));
    }

    /** Both ends of a range; every value of a choice or boolean. */
    private static List<Object> extremes(ParameterDeclaration d) {
        List<Object> values = new ArrayList<>();
        switch (d.type()) {
            case INT -> {
                values.add((int) d.min().doubleValue());
                values.add((int) d.max().doubleValue());
            }
            case FLOAT -> {
                values.add(d.min());
                values.add(d.max());
            }
            case CHOICE -> values.addAll(d.choices());
            case BOOLEAN -> values.addAll(List.of(false, true));
        }
        return values;
    }

    private static Network build(Architecture architecture, Map<String, Object> overrides) {
        return NetworkFactory.build(architecture, REGISTRY.resolve(architecture, overrides), MNIST, 7);
    }

    private static INDArray images(int count, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] pixels = new float[count * MNIST.pixels()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return Nd4j.create(pixels, new long[]{count, MNIST.pixels()}, 'c');
    }

    private static INDArray oneHot(int count, long seed) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, count, MNIST.classes());
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            labels.putScalar(i, random.nextInt(MNIST.classes()), 1f);
        }
        return labels;
    }

    private static void assertIsAProbabilityOverTenClasses(INDArray output) {
        assertThat(output.size(1)).isEqualTo(10);
        for (int row = 0; row < output.size(0); row++) {
            assertThat(output.getRow(row).sumNumber().doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
