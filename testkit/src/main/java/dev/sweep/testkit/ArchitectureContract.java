package dev.sweep.testkit;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.config.ConfigurationException;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.train.NetworkFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every architecture must do, Sweep's own and a plugin's. A plugin's test extends it in one line:
 * {@code class MyNetContractTest extends ArchitectureContract { MyNetContractTest() { super(new MyNet()); } }}.
 * It builds real DL4J networks for MNIST-shaped input (28x28, one channel, 10 classes) and trains a few steps.
 */
public abstract class ArchitectureContract {
    private static final ImageShape MNIST = new ImageShape(28, 28, 1, 10);

    private final Architecture architecture;
    private final OptionalLong parametersAtDefaults;
    private final ArchitectureRegistry registry;

    protected ArchitectureContract(Architecture architecture) {
        this(architecture, OptionalLong.empty());
    }

    /** @param parametersAtDefaults the trainable parameters it must have at its defaults, to pin its layout */
    protected ArchitectureContract(Architecture architecture, long parametersAtDefaults) {
        this(architecture, OptionalLong.of(parametersAtDefaults));
    }

    private ArchitectureContract(Architecture architecture, OptionalLong parametersAtDefaults) {
        this.architecture = architecture;
        this.parametersAtDefaults = parametersAtDefaults;
        // The registry refuses a bad name, or a parameter named like a trainer parameter, as plugin loading does.
        this.registry = new ArchitectureRegistry(Map.of(architecture.name(), architecture));
    }

    @Test
    void itsNameDescriptionAndParametersAreWellFormed() {
        assertThat(architecture.name()).matches("[a-z][a-z0-9_]*");
        assertThat(architecture.description()).isNotBlank();
        List<String> names = new ArrayList<>();
        for (ParameterDeclaration p : architecture.parameters()) {
            assertThat(names).as("parameter names are unique").doesNotContain(p.name());
            names.add(p.name());
            assertThat(p.description()).as(p.name()).isNotBlank();
            if (p.defaultValue() != null) {
                assertThat(p.problemWith(p.defaultValue())).as("%s's default is in its own range", p.name()).isNull();
            }
        }
    }

    @Test
    void atDefaultsItOutputsAProbabilityOverTenClasses() {
        Network network = build(Map.of());
        parametersAtDefaults.ifPresent(count -> assertThat(network.parameterCount()).isEqualTo(count));
        assertIsAProbabilityOverTenClasses(network.output(images(3, 1)));
    }

    @Test
    void itBuildsAtTheMinimumAndMaximumOfEveryDeclaredParameter() {
        for (ParameterDeclaration declaration : architecture.parameters()) {
            for (Object value : extremes(declaration)) {
                INDArray output = build(Map.of(declaration.name(), value)).output(images(2, 2));
                assertThat(output.shape()).as("%s=%s", declaration.name(), value).containsExactly(2, 10);
                assertIsAProbabilityOverTenClasses(output);
            }
        }
    }

    @Test
    void aFewStepsOnATinyBatchLowerTheLoss() {
        Network network = build(Map.of());
        INDArray features = images(16, 3);
        INDArray labels = oneHot(16, 4);
        network.fit(features, labels);
        double first = network.lastLoss();
        for (int step = 0; step < 7; step++) {
            network.fit(features, labels);
        }
        assertThat(network.lastLoss()).as("loss after 8 steps, first was %s", first).isLessThan(first);
    }

    @Test
    void itSavesAndReloadsWithIdenticalOutputs() throws java.io.IOException {
        Network network = build(Map.of());
        network.fit(images(8, 5), oneHot(8, 6));
        INDArray probe = images(4, 7);
        Network reloaded = Network.fromBytes(network.toBytes(), network.format());
        assertThat(reloaded.parameterCount()).isEqualTo(network.parameterCount());
        assertThat(reloaded.output(probe)).isEqualTo(network.output(probe));
    }

    @Test
    void anUndeclaredParameterInASweepFileIsLocatedAndTheDeclaredOnesListed() {
        String yaml = "name: contract\narchitecture: " + architecture.name()
                + "\ndataset: {name: mnist}\nstrategy: {type: random, trials: 1}\nparameters:\n  no_such_knob: 3\n";
        assertThatThrownBy(() -> new SweepFileLoader(registry).parse(yaml, Path.of("contract.yaml")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("contract.yaml:6")
                .hasMessageContaining("'no_such_knob' is not declared by architecture '" + architecture.name() + "'")
                .hasMessageContaining(String.join(", ", registry.declaredParameters(architecture).keySet()));
    }

    private Network build(Map<String, Object> overrides) {
        return NetworkFactory.build(architecture, registry.resolve(architecture, overrides), MNIST, 7);
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
            case TEXT -> values.add(d.defaultValue());
        }
        return values;
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
