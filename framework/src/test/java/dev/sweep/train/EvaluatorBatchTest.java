package dev.sweep.train;

import dev.sweep.arch.Network;
import dev.sweep.data.EvalSet;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Inference batches follow the network's activations, and the metrics do not depend on them. */
class EvaluatorBatchTest {
    private static final int CLASSES = 10;

    private static Network convNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build();
        return Network.of(conf);
    }

    private static Network denseNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(784)).build();
        return Network.of(conf);
    }

    private static EvalSet images(int count) {
        Random random = new Random(5);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        Nd4j.getRandom().setSeed(5);
        return new EvalSet(Nd4j.rand(DataType.FLOAT, count, 784).muli(255), labels);
    }

    @Test
    void aConvNetEvaluatesInBatchesOf128AndADenseNetIn1024() {
        EvalSet set = images(4);
        // 32 maps of 28 x 28 are 100 KB an image: 128 images stay within 16 MB, 1,024 would need 103 MB.
        assertThat(Evaluator.batchSize(convNet(), set.features(), InputNormalization.SCALE)).isEqualTo(128);
        assertThat(Evaluator.batchSize(denseNet(), set.features(), InputNormalization.SCALE)).isEqualTo(1024);
    }

    @Test
    void theMetricsAreTheSameAtEveryBatchSize() {
        EvalSet set = images(300);
        for (Network network : new Network[]{convNet(), denseNet()}) {
            ClassificationMetrics chosen = Evaluator.full(network, set, CLASSES, InputNormalization.SCALE);
            for (int batch : new int[]{1024, 7}) {
                ClassificationMetrics other = Evaluator.evaluate(network, set, CLASSES, InputNormalization.SCALE, true, batch);
                assertThat(other.loss()).as("loss at batch " + batch).isEqualTo(chosen.loss());
                assertThat(other.accuracy()).as("accuracy at batch " + batch).isEqualTo(chosen.accuracy());
                assertThat(other.aucRoc()).as("AUC at batch " + batch).isEqualTo(chosen.aucRoc());
                assertThat(other.confusion()).as("confusion at batch " + batch).isEqualTo(chosen.confusion());
            }
        }
    }
}
