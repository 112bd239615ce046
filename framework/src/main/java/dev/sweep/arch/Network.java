package dev.sweep.arch;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A trainable DL4J network, whether a layer stack or a graph, behind the few operations Sweep needs. Inputs are
 * flat images ({@code [n, height*width*channels]}); architectures declare an input type that reshapes them.
 */
public interface Network {

    enum Format { MULTI_LAYER, GRAPH }

    void fit(INDArray features, INDArray labels);

    /** Class probabilities in inference mode. */
    INDArray output(INDArray features);

    /** The most floats that one example's activations take in any layer, found by running {@code oneExample} forward. */
    long largestActivationPerExample(INDArray oneExample);

    /** Counts a finished epoch: epoch-based learning-rate schedules read the count. */
    void endEpoch();

    /** Loss of the last fitted minibatch, regularization included. */
    double lastLoss();

    long parameterCount();

    Format format();

    Model model();

    static Network of(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        TrainingFastPaths.install(network);
        return new MultiLayerNetworkAdapter(network);
    }

    static Network of(ComputationGraphConfiguration configuration) {
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        TrainingFastPaths.install(graph);
        return new ComputationGraphAdapter(graph);
    }

    /** The DL4J model zip, with updater state so that training can continue from it. */
    default byte[] toBytes() {
        return TrainingFastPaths.asDeclared(model(), () -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ModelSerializer.writeModel(model(), out, true);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("could not serialize the network", e);
            }
        });
    }

    /**
     * Reads a model zip that {@link ModelZip#check} accepts, with Java deserialization refused throughout.
     *
     * @throws ModelZip.UnsafeModelException for a zip Sweep did not write, or one that inflates past the limit
     */
    static Network fromBytes(byte[] zip, Format format) throws IOException {
        ModelZip.check(zip);
        try {
            return DeserializationGuard.refusing(() -> {
                try {
                    if (format == Format.GRAPH) {
                        ComputationGraph graph = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip), true);
                        TrainingFastPaths.install(graph);
                        return new ComputationGraphAdapter(graph);
                    }
                    MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), true);
                    TrainingFastPaths.install(network);
                    return new MultiLayerNetworkAdapter(network);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
