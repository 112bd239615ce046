package dev.sweep.arch;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java Adam step gives the very floats of beta7's native one, whatever the step, the size and the layout. */
class VectorizedAdamTest {

    private static final class Pair {
        final AdamUpdater dl4j;
        final VectorizedAdam vectorized;

        Pair(Adam config, long length) {
            dl4j = (AdamUpdater) config.instantiate(Nd4j.create(DataType.FLOAT, 1, 2 * length), true);
            vectorized = new VectorizedAdam((AdamUpdater) config.instantiate(Nd4j.create(DataType.FLOAT, 1, 2 * length), true));
        }
    }

    private static INDArray gradient(Random random, long length, int scale) {
        float[] values = new float[(int) length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, -random.nextInt(scale)));
        }
        values[0] = 0f;
        return Nd4j.create(values, new long[]{1, length}, DataType.FLOAT);
    }

    private static void assertSameBits(INDArray actual, INDArray expected, String what) {
        float[] a = actual.dup().data().asFloat();
        float[] e = expected.dup().data().asFloat();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(e[i])) {
                throw new AssertionError(what + ": float " + i + " of " + a.length + " is " + a[i] + ", DL4J's is " + e[i]);
            }
        }
    }

    @Test
    void everyStepIsDl4jsToTheBitUntilTheBiasCorrectionVanishes() {
        // 0.999^t leaves 1 - beta2^t at 1.0 in double from t of about 37,000 on: the correction is constant after it.
        for (Adam config : new Adam[]{new Adam(1e-3, 0.9, 0.999, 1e-7), new Adam(0.0314, 0.8, 0.99, 1e-8)}) {
            Pair pair = new Pair(config, 17);
            Random random = new Random(3);
            for (int iteration = 0; iteration < 40_000; iteration++) {
                INDArray expected = gradient(random, 17, 6);
                INDArray actual = expected.dup();
                pair.dl4j.applyUpdater(expected, iteration, 0);
                pair.vectorized.applyUpdater(actual, iteration, 0);
                if (iteration % 997 == 0 || iteration < 50) {
                    assertSameBits(actual, expected, "update at iteration " + iteration + " of " + config);
                }
            }
            assertSameBits(pair.vectorized.getState().get("M"), pair.dl4j.getState().get("M"), "first moment");
            assertSameBits(pair.vectorized.getState().get("V"), pair.dl4j.getState().get("V"), "second moment");
        }
    }

    @Test
    void aBlockInsideTheFlatGradientIsUpdatedInPlaceAcrossChunksAndItsNeighboursAreLeftAlone() {
        int length = 3 * 4096 + 123;
        Adam config = new Adam(1e-3, 0.9, 0.999, 1e-7);
        Pair pair = new Pair(config, length);
        Random random = new Random(11);
        for (int iteration = 0; iteration < 30; iteration++) {
            INDArray flat = gradient(random, length + 200, 4);
            INDArray reference = flat.dup();
            INDArray block = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 100 + length)).reshape(1, length);
            INDArray referenceBlock = reference.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 100 + length)).reshape(1, length);
            assertThat(block.offset()).isEqualTo(100);
            pair.vectorized.applyUpdater(block, iteration, 0);
            pair.dl4j.applyUpdater(referenceBlock, iteration, 0);
            assertSameBits(flat, reference, "the flat gradient at iteration " + iteration);
        }
    }

    @Test
    void aGradientThatIsNotOneRunOfFloatsGoesThroughDl4j() {
        Adam config = new Adam(1e-3);
        Pair pair = new Pair(config, 6);
        pair.dl4j.setStateViewArray(Nd4j.create(DataType.FLOAT, 1, 12), new long[]{3, 2}, 'c', true);
        pair.vectorized.setStateViewArray(Nd4j.create(DataType.FLOAT, 1, 12), new long[]{3, 2}, 'c', true);
        INDArray wide = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray reference = wide.dup();
        INDArray strided = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2));
        assertThat(strided.elementWiseStride()).isNotEqualTo(1);
        pair.vectorized.applyUpdater(strided, 0, 0);
        pair.dl4j.applyUpdater(reference.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)), 0, 0);
        assertSameBits(wide, reference, "a strided gradient");
    }

    @Test
    void aBuiltAndAReloadedNetworkStepTheirAdamBlocksInJava() throws Exception {
        Network built = Network.of(new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).updater(new Adam(1e-3))
                .list()
                .layer(new DenseLayer.Builder().nIn(12).nOut(5).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        assertThat(adamUpdaters((MultiLayerNetwork) built.model())).isNotEmpty().allSatisfy(u -> assertThat(u).isInstanceOf(VectorizedAdam.class));
        Network reloaded = Network.fromBytes(built.toBytes(), built.format());
        assertThat(adamUpdaters((MultiLayerNetwork) reloaded.model())).isNotEmpty().allSatisfy(u -> assertThat(u).isInstanceOf(VectorizedAdam.class));
    }

    private static java.util.List<Object> adamUpdaters(MultiLayerNetwork network) {
        java.util.List<Object> updaters = new java.util.ArrayList<>();
        for (UpdaterBlock block : ((BaseMultiLayerUpdater<?>) network.getUpdater()).getUpdaterBlocks()) {
            updaters.add(block.getGradientUpdater());
        }
        return updaters;
    }
}
