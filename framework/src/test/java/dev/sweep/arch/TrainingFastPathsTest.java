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
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;

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
    void maxPoolingOffOneDnnAndTheConvolutionCacheTrainBitForBitLikeDl4jsDefaults() {
        MultiLayerNetwork reference = dl4jDefaults(convNet(PoolingType.MAX, CacheMode.NONE));
        assertThat(reference.getLayer(1).getHelper()).isInstanceOf(MKLDNNSubsamplingHelper.class);
        Network fast = Network.of(convNet(PoolingType.MAX, CacheMode.DEVICE));
        MultiLayerNetwork model = (MultiLayerNetwork) fast.model();
        assertThat(model.getLayer(1).getHelper()).isInstanceOf(LibNd4jMaxPooling.class);
        assertThat(model.getLayer(3).getHelper()).isInstanceOf(LibNd4jMaxPooling.class);

        train(reference);
        train(model);
        assertThat(model.params().equals(reference.params())).as("parameters after %d steps", STEPS).isTrue();
        INDArray probe = batch(99)[0];
        assertThat(fast.output(probe).equals(reference.output(probe, false))).isTrue();
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
    void theFastL2TrainsLikeDl4jsReportsTheSameLossAndSurvivesAReload() throws Exception {
        MultiLayerNetwork reference = dl4jDefaults(dense(0.01));
        assertThat(((BaseLayer) reference.getLayer(0).conf().getLayer()).getRegularization())
                .singleElement().isExactlyInstanceOf(L2Regularization.class);
        // A layer's own l2 (l2_N) and the trial's weight_decay both go through the request.
        NetworkRequest request = new NetworkRequest(null, null, null, 0, 0.001);
        Network fast = request.network(dense(0.01));
        MultiLayerNetwork model = (MultiLayerNetwork) fast.model();
        assertThat(((BaseLayer) model.getLayer(0).conf().getLayer()).getRegularization())
                .hasSize(2).allSatisfy(r -> assertThat(r).isExactlyInstanceOf(FastL2Regularization.class));
        MultiLayerNetwork withDecay = dl4jDefaults(dense(0.01));
        for (org.deeplearning4j.nn.api.Layer layer : withDecay.getLayers()) {
            BaseLayer conf = (BaseLayer) layer.conf().getLayer();
            conf.getRegularization().add(new L2Regularization(0.001));
            conf.getRegularizationBias().add(new L2Regularization(0.001));
        }

        for (int step = 0; step < STEPS; step++) {
            INDArray[] b = batch(step);
            withDecay.fit(b[0], b[1]);
            model.fit(b[0], b[1]);
            assertThat(model.score()).isCloseTo(withDecay.score(), within(1e-5 * Math.abs(withDecay.score())));
        }
        assertThat(model.params().equals(withDecay.params())).isTrue();

        Network reloaded = Network.fromBytes(fast.toBytes(), fast.format());
        assertThat(((BaseLayer) ((MultiLayerNetwork) reloaded.model()).getLayer(0).conf().getLayer()).getRegularization())
                .allSatisfy(r -> assertThat(r).isExactlyInstanceOf(FastL2Regularization.class));
        assertThat(reloaded.model().params().equals(model.params())).isTrue();
    }
}
