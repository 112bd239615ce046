package dev.sweep.testkit;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.InputShapeException;
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
 * It builds real DL4J networks for MNIST-shaped input (28x28, one channel, 10 classes) and for small colour photos
 * (32x32, three channels, 7 classes) and trains a few steps; at smaller pictures, down to 4x4, it either builds or says
 * why not in {@link Architecture#inputProblem}.
 */
public abstract class ArchitectureContract {
    private static final ImageShape MNIST = new ImageShape(28, 28, 1, 10);
    private static final ImageShape COLOUR = new ImageShape(32, 32, 3, 7);
    private static final List<ImageShape> SHAPES = List.of(MNIST, COLOUR);

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
    void atDefaultsItOutputsAProbabilityOverTheClassesOfGreyDigitsAndOfColourPhotos() {
        Network network = build(Map.of(), MNIST);
        parametersAtDefaults.ifPresent(count -> assertThat(network.parameterCount()).isEqualTo(count));
        assertIsAProbability(network.output(images(3, 1, MNIST)), MNIST);
        assertIsAProbability(build(Map.of(), COLOUR).output(images(3, 1, COLOUR)), COLOUR);
    }

    @Test
    void itBuildsAtTheMinimumAndMaximumOfEveryDeclaredParameter() {
        for (ImageShape shape : SHAPES) {
            for (ParameterDeclaration declaration : architecture.parameters()) {
                for (Object value : extremes(declaration)) {
                    INDArray output = build(Map.of(declaration.name(), value), shape).output(images(2, 2, shape));
                    assertThat(output.shape()).as("%s=%s at %s", declaration.name(), value, shape).containsExactly(2, shape.classes());
                    assertIsAProbability(output, shape);
                }
            }
        }
    }

    @Test
    void atSmallPicturesItBuildsOrSaysWhyNot() {
        for (int side : new int[]{4, 8, 12, 16}) {
            for (int channels : new int[]{1, 3}) {
                ImageShape shape = new ImageShape(side, side + 2, channels, 3);
                List<Map<String, Object>> settings = new ArrayList<>();
                settings.add(Map.of());
                for (ParameterDeclaration declaration : architecture.parameters()) {
                    extremes(declaration).forEach(value -> settings.add(Map.of(declaration.name(), value)));
                }
                for (Map<String, Object> overrides : settings) {
                    var parameters = registry.resolve(architecture, overrides);
                    var problem = architecture.inputProblem(shape, parameters);
                    if (problem.isPresent()) {
                        assertThat(problem.get()).as("%s at %s: the problem names the picture size", overrides, shape)
                                .contains(side + "x" + (side + 2));
                        assertThatThrownBy(() -> NetworkFactory.build(architecture, parameters, shape, 7))
                                .as("building anyway is refused with the same words")
                                .isInstanceOf(InputShapeException.class).hasMessageContaining(problem.get());
                        continue;
                    }
                    INDArray output;
                    try {
                        output = NetworkFactory.build(architecture, parameters, shape, 7).output(images(2, 3, shape));
                    } catch (RuntimeException e) {
                        throw new AssertionError(architecture.name() + " with " + overrides + " fails at " + shape
                                + " but inputProblem said nothing: " + e, e);
                    }
                    assertIsAProbability(output, shape);
                }
            }
        }
    }

    @Test
    void aFewStepsOnATinyBatchLowerTheLoss() {
        for (ImageShape shape : SHAPES) {
            Network network = build(Map.of(), shape);
            INDArray features = images(16, 3, shape);
            INDArray labels = oneHot(16, 4, shape);
            network.fit(features, labels);
            double first = network.lastLoss();
            for (int step = 0; step < 7; step++) {
                network.fit(features, labels);
            }
            assertThat(network.lastLoss()).as("loss after 8 steps at %s, first was %s", shape, first).isLessThan(first);
        }
    }

    @Test
    void itSavesAndReloadsWithIdenticalOutputs() throws java.io.IOException {
        Network network = build(Map.of(), COLOUR);
        network.fit(images(8, 5, COLOUR), oneHot(8, 6, COLOUR));
        INDArray probe = images(4, 7, COLOUR);
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

    private Network build(Map<String, Object> overrides, ImageShape shape) {
        return NetworkFactory.build(architecture, registry.resolve(architecture, overrides), shape, 7);
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

    private static INDArray images(int count, long seed, ImageShape shape) {
        java.util.Random random = new java.util.Random(seed);
        float[] pixels = new float[count * shape.pixels()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return Nd4j.create(pixels, new long[]{count, shape.pixels()}, 'c');
    }

    private static INDArray oneHot(int count, long seed, ImageShape shape) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, count, shape.classes());
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            labels.putScalar(i, random.nextInt(shape.classes()), 1f);
        }
        return labels;
    }

    private static void assertIsAProbability(INDArray output, ImageShape shape) {
        assertThat(output.size(1)).isEqualTo(shape.classes());
        for (int row = 0; row < output.size(0); row++) {
            assertThat(output.getRow(row).sumNumber().doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
