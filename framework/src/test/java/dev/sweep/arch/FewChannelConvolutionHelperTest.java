package dev.sweep.arch;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.lang.reflect.Field;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A first layer over few channels, computed in Java, gives what DL4J's own convolution gives, within rounding. */
class FewChannelConvolutionHelperTest {

    private static MultiLayerNetwork oneConvolution(int channels, int height, int width, int filters, int kernelHeight,
                                                    int kernelWidth, ConvolutionMode mode, int padding, boolean bias) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM).list()
                .layer(new ConvolutionLayer.Builder(kernelHeight, kernelWidth).nOut(filters).convolutionMode(mode)
                        .padding(padding, padding).hasBias(bias).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(height, width, channels)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        network.initGradientsView();
        // A bias of zero would hide a bias added twice or not at all.
        if (bias) {
            network.getLayer(0).getParam(ConvolutionParamInitializer.BIAS_KEY).assign(Nd4j.rand(DataType.FLOAT, 1, filters));
        }
        return network;
    }

    private record Pass(INDArray output, INDArray weightGradient, INDArray biasGradient, INDArray inputGradient) {
    }

    private static Pass pass(Layer layer, INDArray input, INDArray outputGradient) {
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(input, workspaces);
        INDArray output = layer.activate(true, workspaces).dup();
        Pair<Gradient, INDArray> gradients = layer.backpropGradient(outputGradient, workspaces);
        INDArray bias = gradients.getFirst().getGradientFor(ConvolutionParamInitializer.BIAS_KEY);
        return new Pass(output, gradients.getFirst().getGradientFor(ConvolutionParamInitializer.WEIGHT_KEY).dup(),
                bias == null ? null : bias.dup(), gradients.getSecond().dup());
    }

    private static INDArray random(Random random, long... shape) {
        float[] values = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, shape, 'c');
    }

    private static void setHelper(Layer layer, Object helper) throws ReflectiveOperationException {
        Field field = org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class.getDeclaredField("helper");
        field.setAccessible(true);
        field.set(layer, helper);
    }

    /** Close to within float rounding of sums of a few hundred products: 1e-5 of the largest value compared. */
    private static void assertClose(INDArray actual, INDArray expected, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double worst = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(worst / scale).as("%s: largest difference %s against values up to %s", what, worst, scale).isLessThan(1e-5);
    }

    @ParameterizedTest(name = "{0} channel(s) {1}x{2}, {3} filters {4}x{5}, {6} padding {7}, bias {8}")
    @CsvSource({
            "1, 28, 28, 32, 3, 3, Same, 0, true",      // seed 001's cnn
            "1, 28, 28, 6, 5, 5, Truncate, 2, true",    // LeNet-5 on a 28x28 image
            "3, 13, 11, 8, 3, 3, Truncate, 0, false",   // a colour image, no bias (before batch normalization)
            "2, 9, 7, 5, 4, 2, Same, 0, true",          // even kernels: Same mode pads more at the bottom and right
            "1, 10, 12, 4, 3, 5, Truncate, 1, true"})   // a kernel wider than its padding: the output narrows
    void computesTheOutputAndEveryGradientDl4jsOwnConvolutionComputes(int channels, int height, int width, int filters,
                                                                       int kernelHeight, int kernelWidth, ConvolutionMode mode,
                                                                       int padding, boolean bias) throws Exception {
        MultiLayerNetwork network = oneConvolution(channels, height, width, filters, kernelHeight, kernelWidth, mode, padding, bias);
        Layer layer = network.getLayer(0);
        Random random = new Random(channels * 31 + kernelHeight);
        INDArray input = random(random, 5, channels, height, width);

        setHelper(layer, null);
        INDArray output = layer.activate(input, false, LayerWorkspaceMgr.noWorkspaces());
        INDArray outputGradient = random(random, output.shape());
        Pass dl4j = pass(layer, input, outputGradient);

        setHelper(layer, new FewChannelConvolutionHelper(null, bias));
        Pass java = pass(layer, input, outputGradient);

        assertClose(java.output(), dl4j.output(), "output");
        assertClose(java.weightGradient(), dl4j.weightGradient(), "weight gradient");
        assertClose(java.inputGradient(), dl4j.inputGradient(), "input gradient");
        if (bias) {
            assertClose(java.biasGradient(), dl4j.biasGradient(), "bias gradient");
        } else {
            assertThat(java.biasGradient()).isNull();
        }
    }

    @Test
    void onlyUnstridedFirstLayersOverFewChannelsLeaveOneDnnAndAReloadedNetworkKeepsThat() throws Exception {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, 1)).build();
        Network network = Network.of(configuration);
        MultiLayerNetwork model = (MultiLayerNetwork) network.model();
        assertThat(model.getLayer(0).getHelper()).isInstanceOf(FewChannelConvolutionHelper.class);
        assertThat(model.getLayer(1).getHelper()).isInstanceOf(MKLDNNConvHelper.class);
        MultiLayerNetwork reloaded = (MultiLayerNetwork) Network.fromBytes(network.toBytes(), network.format()).model();
        assertThat(reloaded.getLayer(0).getHelper()).isInstanceOf(FewChannelConvolutionHelper.class);

        assertThat(FewChannelConvolutionHelper.suits(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(4).stride(2, 2).build())).isFalse();
        assertThat(FewChannelConvolutionHelper.suits(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(4).dilation(2, 2).build())).isFalse();
        assertThat(FewChannelConvolutionHelper.suits(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(4)
                .dataFormat(CNN2DFormat.NHWC).build())).isFalse();
        assertThat(FewChannelConvolutionHelper.suits(new ConvolutionLayer.Builder(3, 3).nIn(5).nOut(4).build())).isFalse();
        assertThat(FewChannelConvolutionHelper.suits(new ConvolutionLayer.Builder(5, 5).nIn(3).nOut(4).build())).isTrue();
    }

    @Test
    void aLayerWhoseScratchWouldPassTheCapIsLeftToTheHelperBehind() {
        FewChannelConvolutionHelper helper = new FewChannelConvolutionHelper(null, true);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 64, 1, 3, 3);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 64);
        int[] three = {3, 3};
        int[] one = {1, 1};
        INDArray large = Nd4j.rand(DataType.FLOAT, 1, 1, 300, 300);
        assertThat(helper.preOutput(large, weights, bias, three, one, one, null, null, ConvolutionMode.Same, one,
                CNN2DFormat.NCHW, LayerWorkspaceMgr.noWorkspaces())).isNull();
        INDArray mnistSized = Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28);
        assertThat(helper.preOutput(mnistSized, weights, bias, three, one, one, null, null, ConvolutionMode.Same, one,
                CNN2DFormat.NCHW, LayerWorkspaceMgr.noWorkspaces()).shape()).containsExactly(1, 64, 28, 28);
    }
}
