package dev.sweep.arch;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an architecture gets to build a network from, and how it turns its configuration into a network.
 *
 * @param baseConfiguration a fresh builder with the trial's seed, updater and weight initialization already set
 * @param kerasL2           the trial's {@code l2}, in Keras' meaning, for every layer that sets none of its own
 * @param weightDecay       the trial's {@code weight_decay}, in PyTorch's meaning, for every weight and bias
 */
public record NetworkRequest(HyperParameters parameters, ImageShape input,
                             Supplier<NeuralNetConfiguration.Builder> baseConfiguration, double kerasL2, double weightDecay) {

    public NeuralNetConfiguration.Builder base() {
        return baseConfiguration.get();
    }

    /** Initializes the network of a layer stack, after giving the trial's L2 to layers without their own. */
    public Network network(MultiLayerConfiguration configuration) {
        List<Layer> layers = new ArrayList<>();
        configuration.getConfs().forEach(c -> layers.add(c.getLayer()));
        applyDefaultL2(layers);
        return Network.of(configuration);
    }

    /** Initializes the network of a graph, after giving the trial's L2 to layers without their own. */
    public Network network(ComputationGraphConfiguration configuration) {
        List<Layer> layers = new ArrayList<>();
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                layers.add(layerVertex.getLayerConf().getLayer());
            }
        }
        applyDefaultL2(layers);
        return Network.of(configuration);
    }

    /*
     * Not set on the base builder: DL4J copies a builder-wide L2 over every layer's own, so a per-layer l2_N
     * would be silently lost. PyTorch's weight_decay adds wd * w to the gradient of weights and biases alike, which is
     * DL4J's L2 regularization with coefficient wd, on top of any Keras l2.
     */
    private void applyDefaultL2(List<Layer> layers) {
        for (Layer layer : layers) {
            if (!(layer instanceof BaseLayer base)) {
                continue;
            }
            List<Regularization> weights = fast(base.getRegularization());
            if (kerasL2 > 0 && weights.isEmpty()) {
                weights.add(l2(dl4jL2(kerasL2)));
            }
            List<Regularization> biases = fast(base.getRegularizationBias());
            if (weightDecay > 0) {
                weights.add(l2(weightDecay));
                biases.add(l2(weightDecay));
            }
            base.setRegularization(weights);
            base.setRegularizationBias(biases);
        }
    }

    /** The layer's own regularization (a layer's l2_N, say), with DL4J's L2 swapped for the same term computed faster. */
    private static List<Regularization> fast(List<Regularization> regularization) {
        List<Regularization> result = new ArrayList<>();
        if (regularization != null) {
            for (Regularization r : regularization) {
                result.add(r.getClass() == L2Regularization.class && TrainingFastPaths.enabled()
                        ? new FastL2Regularization(((L2Regularization) r).getL2()) : r);
            }
        }
        return result;
    }

    /** An L2 term: Sweep's faster one, or DL4J's own with the fast paths off. */
    private static Regularization l2(double coefficient) {
        return TrainingFastPaths.enabled() ? new FastL2Regularization(coefficient) : new L2Regularization(coefficient);
    }

    /** DL4J's L2 adds 0.5 * l2 * sum(w^2) to the loss; Keras' kernel_regularizer adds l2 * sum(w^2). */
    public static double dl4jL2(double kerasL2) {
        return 2 * kerasL2;
    }

    /**
     * DL4J's {@code dropOut(p)} takes the probability to keep a unit; sweep files give the drop rate, as Keras and
     * PyTorch do. Returns 0 for "no dropout", which DL4J reads as disabled.
     */
    public static double keepProbability(double dropRate) {
        if (dropRate < 0 || dropRate >= 1) {
            throw new IllegalArgumentException("a drop rate is in [0, 1), got " + dropRate);
        }
        return dropRate == 0 ? 0 : 1 - dropRate;
    }
}
