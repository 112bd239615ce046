package dev.sweep.architectures;

import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.train.NetworkFactory;
import dev.sweep.plugin.ArchitecturePlugins;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L2Regularization;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeds' variants, beyond the defaults that the contract test checks, built from knobs and counted. */
class SeedNetworksTest {
    private static final ImageShape MNIST = new ImageShape(28, 28, 1, 10);
    private final ArchitectureRegistry registry = com.google.inject.Guice.createInjector(new ArchitecturePlugins())
            .getInstance(ArchitectureRegistry.class);

    private Network build(String name, Map<String, Object> overrides) {
        return NetworkFactory.build(registry.get(name), registry.resolve(registry.get(name), overrides), MNIST, 1);
    }

    @Test
    void mlpWithHiddenUnits80And20IsSeed002sParameterMatchedMlp() {
        assertThat(build("mlp", Map.of("units_1", 80, "units_2", 20)).parameterCount()).isEqualTo(64_630);
    }

    @Test
    void theUnitsShorthandSetsEveryHiddenLayerAndUnitsNOverridesOne() {
        // 784*32+32 + 32*8+8 + 8*10+10 = 25,120 + 264 + 90
        assertThat(build("mlp", Map.of("units", 32, "units_2", 8)).parameterCount()).isEqualTo(25_474);
    }

    @Test
    void perLayerL2ReplacesTheTrialL2ForThatLayerOnlyInKerasMeaning() {
        MultiLayerNetwork mlp = (MultiLayerNetwork) build("mlp", Map.of("l2", 0.01, "l2_1", 0.1)).model();
        assertThat(dl4jL2(mlp, 0)).isEqualTo(0.2); // DL4J's L2 is half of Keras', so the coefficient doubles
        assertThat(dl4jL2(mlp, 1)).isEqualTo(0.02);
        assertThat(dl4jL2(mlp, 2)).isEqualTo(0.02);
    }

    private static double dl4jL2(MultiLayerNetwork network, int layer) {
        BaseLayer conf = (BaseLayer) network.getLayerWiseConfigurations().getConf(layer).getLayer();
        return ((L2Regularization) conf.getRegularization().get(0)).getL2().valueAt(0, 0);
    }

    @Test
    void seed003sBestLeNetVariantHasAFourthConvolutionOf50AndTwoFullyConnectedLayers() {
        Network variant = build("lenet5", Map.of("activation", "tanh", "extra_conv_filters", 50, "dense_layers", 0));
        // C1 156 + C3 2,416 + extra 3x3x16x50+50 = 7,250 + C5 5x5x50x120+120 = 150,120 + output 120x10+10 = 1,210
        assertThat(variant.parameterCount()).isEqualTo(161_152);
        assertThat(variant.output(Nd4j.rand(2, 784)).shape()).containsExactly(2, 10);
    }

    @Test
    void resnetCanBeSeed000sResNet50At32x32() {
        Network resnet50 = build("resnet", Map.of("block", "bottleneck", "stem", "imagenet", "width", 64, "stages", 4,
                "blocks_1", 3, "blocks_2", 4, "blocks_3", 6, "blocks_4", 3, "pad_to_32", true));
        // Keras' ResNet50(weights=None, input_shape=(32, 32, 1), classes=10) has 23,601,930 parameters, of which
        // 26,560 are biases of convolutions followed by batch normalization, which this layout leaves out.
        assertThat(resnet50.parameterCount()).isEqualTo(23_601_930 - 26_560);
        assertThat(resnet50.output(Nd4j.rand(1, 784)).shape()).containsExactly(1, 10);
    }
}
