package dev.sweep.report;

import dev.sweep.arch.Network;
import dev.sweep.data.DataSplit;
import dev.sweep.data.EvalSet;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.StoredModel;
import dev.sweep.store.TrialRecord;
import dev.sweep.train.Evaluator;
import dev.sweep.train.InputNormalization;
import dev.sweep.train.TrainerParameters;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trial's stored model run on the test images: its confusion matrix, a grid of the images it got wrong and one of
 * its first convolution's filters. The report and the dashboard show the same figures.
 *
 * @param classNames the classes' names, in label order, for the confusion matrix's axes
 * @param mistakes a PNG of the first misclassified test images; empty if it got none wrong
 * @param filters  a PNG of the first convolution's kernels; empty for a network without convolutions
 */
public record ModelFigures(int[][] confusion, List<String> classNames, Optional<byte[]> mistakes, Optional<byte[]> filters) {
    private static final int MISTAKES = 36;

    /** Empty when the trial has no stored model. */
    public static Optional<ModelFigures> of(TrialRecord trial, ExperimentStore store, DataSplit data) throws IOException {
        StoredModel stored = store.model(trial.id()).orElse(null);
        if (stored == null) {
            return Optional.empty();
        }
        Network network = Network.fromBytes(stored.bytes(), stored.format());
        InputNormalization normalization = InputNormalization.named(trial.parameters().getOrDefault(TrainerParameters.NORMALIZE, "scale"),
                data.trainStatistics().mean(), data.trainStatistics().std());
        EvalSet test = data.testSet();
        int[][] confusion = new int[data.classes()][data.classes()];
        List<ImageGrids.Tile> mistakes = new ArrayList<>();
        int side = data.shape().height();
        float[] p = Evaluator.probabilities(network, test.features(), normalization);
        for (int i = 0; i < test.count(); i++) {
            int predicted = Evaluator.predictedClass(p, i, data.classes());
            int actual = test.labels()[i];
            confusion[actual][predicted]++;
            if (predicted != actual && mistakes.size() < MISTAKES) {
                mistakes.add(new ImageGrids.Tile(test.features().getRow(i).toFloatVector(), side, data.shape().width(),
                        data.shape().channels(), "true " + data.classNames().get(actual) + ", pred " + data.classNames().get(predicted)));
            }
        }
        List<ImageGrids.Tile> filters = firstLayerFilters(network.model());
        return Optional.of(new ModelFigures(confusion, data.classNames(),
                mistakes.isEmpty() ? Optional.empty() : Optional.of(ImageGrids.grid(mistakes, 9, 3, "Misclassified test images (first " + mistakes.size() + ")")),
                filters.isEmpty() ? Optional.empty() : Optional.of(ImageGrids.grid(filters, 8, 12, "First convolution's filters"))));
    }

    /**
     * The kernels of the first convolution, one tile per output channel, if there is one: in colour when it reads
     * three channels, else its first input channel's.
     */
    private static List<ImageGrids.Tile> firstLayerFilters(Model model) {
        Layer[] layers = model instanceof MultiLayerNetwork m ? m.getLayers() : ((ComputationGraph) model).getLayers();
        for (Layer layer : layers) {
            if (layer instanceof ConvolutionLayer conv) {
                INDArray w = conv.getParam("W"); // [out, in, kh, kw]
                List<ImageGrids.Tile> tiles = new ArrayList<>();
                int kh = (int) w.size(2);
                int kw = (int) w.size(3);
                for (int o = 0; o < Math.min(32, w.size(0)); o++) {
                    int channels = w.size(1) == 3 ? 3 : 1;
                    INDArray kernel = w.get(NDArrayIndex.point(o), NDArrayIndex.interval(0, channels), NDArrayIndex.all(), NDArrayIndex.all());
                    tiles.add(new ImageGrids.Tile(kernel.dup('c').data().asFloat(), kh, kw, channels, "filter " + o));
                }
                return tiles;
            }
        }
        return List.of();
    }
}
