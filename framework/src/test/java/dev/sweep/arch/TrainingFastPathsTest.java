package dev.sweep.arch;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.lang.reflect.Field;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The speed-ups Sweep puts into every network change how fast it trains, never what it learns. */
class TrainingFastPathsTest {
    private static final int STEPS = 6;

    private static MultiLayerConfiguration convNet(PoolingType pooling, CacheMode cache) {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(1e-3)).cacheMode(cache).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(pooling).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(pooling).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build();
    }

    private static INDArray[] batch(int seed) {
        Random random = new Random(seed);
        float[] pixels = new float[32 * 784];
        float[] labels = new float[32 * 10];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        for (int b = 0; b < 32; b++) {
            labels[b * 10 + random.nextInt(10)] = 1;
        }
        return new INDArray[]{Nd4j.create(pixels, new int[]{32, 784}), Nd4j.create(labels, new int[]{32, 10})};
    }

    private static void train(MultiLayerNetwork network) {
        for (int step = 0; step < STEPS; step++) {
            INDArray[] b = batch(step);
            network.fit(b[0], b[1]);
        }
    }

    private static MultiLayerNetwork dl4jDefaults(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    @Test
    void maxPoolingOffOneDnnAndTheConvolutionCacheTrainBitForBitLikeDl4jsDefaults() throws Exception {
        MultiLayerNetwork reference = dl4jDefaults(convNet(PoolingType.MAX, CacheMode.NONE));
        assertThat(reference.getLayer(1).getHelper()).isInstanceOf(MKLDNNSubsamplingHelper.class);
        // The first layer's Java convolution differs from oneDNN by rounding (FewChannelConvolutionHelperTest): both
        // networks get it, so that this compares the pooling path and the cache alone.
        Field convolutionHelper = org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class.getDeclaredField("helper");
        convolutionHelper.setAccessible(true);
        convolutionHelper.set(reference.getLayer(0), new FewChannelConvolutionHelper(
                (ConvolutionHelper) reference.getLayer(0).getHelper(), true));
        Network fast = Network.of(convNet(PoolingType.MAX, CacheMode.DEVICE));
        MultiLayerNetwork model = (MultiLayerNetwork) fast.model();
        assertThat(model.getLayer(1).getHelper()).isInstanceOf(LibNd4jMaxPooling.class);
        assertThat(model.getLayer(3).getHelper()).isInstanceOf(LibNd4jMaxPooling.class);

        train(reference);
        train(model);
        assertSameFloats(model.params(), reference.params());
        INDArray probe = batch(99)[0];
        assertSameFloats(fast.output(probe), reference.output(probe, false));
    }

    /** Every value the same float, 0 and -0 told apart; a failure counts the floats that differ. */
    private static void assertSameFloats(INDArray actual, INDArray expected) {
        float[] a = actual.dup().data().asFloat();
        float[] e = expected.dup().data().asFloat();
        assertThat(a).hasSameSizeAs(e);
        int differing = 0;
        int first = -1;
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(e[i])) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differing).as("floats that differ of %d (the first at %d: %s, not %s)", a.length, first,
                first < 0 ? "" : a[first], first < 0 ? "" : e[first]).isZero();
    }

    @Test
    void plainRelusBackpropagateByAMaskAndTrainToTheSameBitsAsDl4jsReluBp() {
        MultiLayerNetwork reference = dl4jDefaults(dense(0));
        Network fast = Network.of(dense(0));
        MultiLayerNetwork model = (MultiLayerNetwork) fast.model();
        assertThat(((BaseLayer) model.getLayer(0).conf().getLayer()).getActivationFn()).isInstanceOf(ReluBackpropByMask.class);
        assertThat(((BaseLayer) model.getLayer(1).conf().getLayer()).getActivationFn()).isInstanceOf(ActivationSoftmax.class);
        train(reference);
        train(model);
        assertSameFloats(model.params(), reference.params());
    }

    @Test
    void aReluWithAThresholdKeepsDl4jsBackprop() {
        MultiLayerConfiguration thresholded = dense(0);
        ((BaseLayer) thresholded.getConf(0).getLayer()).setActivationFn(new ActivationReLU(null, 0.5, null));
        MultiLayerNetwork model = (MultiLayerNetwork) Network.of(thresholded).model();
        assertThat(((BaseLayer) model.getLayer(0).conf().getLayer()).getActivationFn()).isExactlyInstanceOf(ActivationReLU.class);
    }

    @Test
    void aSavedModelNamesOnlyDl4jsReluAndTheLiveNetworkKeepsTheFastOne() throws Exception {
        Network fast = Network.of(convNet(PoolingType.MAX, CacheMode.DEVICE));
        train((MultiLayerNetwork) fast.model());
        byte[] zip = fast.toBytes();
        String configuration;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            java.util.zip.ZipEntry entry;
            while (!(entry = in.getNextEntry()).getName().equals("configuration.json")) {
                assertThat(entry).isNotNull();
            }
            configuration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(configuration).contains("ActivationReLU").doesNotContain("ReluBackpropByMask").doesNotContain("dev.sweep");
        MultiLayerNetwork live = (MultiLayerNetwork) fast.model();
        assertThat(((BaseLayer) live.getLayer(0).conf().getLayer()).getActivationFn()).isInstanceOf(ReluBackpropByMask.class);
        MultiLayerNetwork reloaded = (MultiLayerNetwork) Network.fromBytes(zip, fast.format()).model();
        assertThat(((BaseLayer) reloaded.getLayer(0).conf().getLayer()).getActivationFn()).isInstanceOf(ReluBackpropByMask.class);
        assertSameFloats(reloaded.params(), live.params());
    }

    @Test
    void aReloadedNetworkPoolsTheFastWayAndAveragePoolingKeepsOneDnn() throws Exception {
        Network fast = Network.of(convNet(PoolingType.MAX, CacheMode.DEVICE));
        train((MultiLayerNetwork) fast.model());
        Network reloaded = Network.fromBytes(fast.toBytes(), fast.format());
        assertThat(((MultiLayerNetwork) reloaded.model()).getLayer(1).getHelper()).isInstanceOf(LibNd4jMaxPooling.class);
        INDArray probe = batch(99)[0];
        assertThat(reloaded.output(probe).equals(fast.output(probe))).isTrue();

        Network average = Network.of(convNet(PoolingType.AVG, CacheMode.DEVICE));
        assertThat(((MultiLayerNetwork) average.model()).getLayer(1).getHelper()).isInstanceOf(MKLDNNSubsamplingHelper.class);
    }

    private static MultiLayerConfiguration dense(double l2) {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(64).activation(Activation.RELU).l2(l2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10).activation(Activation.SOFTMAX)
                        .l2(l2).build())
                .build();
    }

    @Test
    void theFastL2TrainsLikeDl4jsWithinRoundingReportsTheSameLossAndSurvivesAReload() throws Exception {
        MultiLayerNetwork reference = dl4jDefaults(dense(0.01));
        assertThat(((BaseLayer) reference.getLayer(0).conf().getLayer()).getRegularization())
                .singleElement().isExactlyInstanceOf(L2Regularization.class);
        // A layer's own l2 (l2_N) and the trial's weight_decay both go through the request.
        NetworkRequest request = new NetworkRequest(null, null, null, 0, 0.001);
        Network fast = request.network(dense(0.01));
        MultiLayerNetwork model = (MultiLayerNetwork) fast.model();
        assertThat(((BaseLayer) model.getLayer(0).conf().getLayer()).getRegularization())
                .hasSize(2).allSatisfy(r -> assertThat(r).isExactlyInstanceOf(FastL2Regularization.class));
        MultiLayerConfiguration decayed = dense(0.01);
        for (NeuralNetConfiguration layer : decayed.getConfs()) {
            BaseLayer conf = (BaseLayer) layer.getLayer();
            conf.getRegularization().add(new L2Regularization(0.001));
            conf.getRegularizationBias().add(new L2Regularization(0.001));
        }
        MultiLayerNetwork withDecay = dl4jDefaults(decayed);

        for (int step = 0; step < STEPS; step++) {
            INDArray[] b = batch(step);
            withDecay.fit(b[0], b[1]);
            model.fit(b[0], b[1]);
            assertThat(model.score()).isCloseTo(withDecay.score(), within(1e-5 * Math.abs(withDecay.score())));
        }
        // Within rounding, not to the bit: after 6 steps every weight is a few ULPs off DL4J's L2, as a plain DL4J
        // network given FastL2Regularization is too, so the difference comes with the class, not with Sweep's wiring.
        assertThat(model.params().equals(withDecay.params())).isTrue();

        Network reloaded = Network.fromBytes(fast.toBytes(), fast.format());
        assertThat(((BaseLayer) ((MultiLayerNetwork) reloaded.model()).getLayer(0).conf().getLayer()).getRegularization())
                .allSatisfy(r -> assertThat(r).isExactlyInstanceOf(FastL2Regularization.class));
        assertSameFloats(reloaded.model().params(), model.params());
    }
}
