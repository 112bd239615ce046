package dev.sweep.architectures;

import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

import static dev.sweep.space.ParameterDeclaration.choiceParam;
import static dev.sweep.space.ParameterDeclaration.floatParam;
import static dev.sweep.space.ParameterDeclaration.intParam;

/** Declarations and dense-layer builders that several architectures share. */
final class Layers {
    static final List<String> ACTIVATIONS = List.of("relu", "tanh", "leakyrelu", "elu", "sigmoid");
    static final double MAX_DROPOUT = 0.9;
    static final int MAX_UNITS = 4096;
    static final double MAX_LAYER_L2 = 10;

    private Layers() {
    }

    static ParameterDeclaration activation(String defaultValue) {
        return choiceParam("activation", defaultValue, ACTIVATIONS, "activation of every hidden layer");
    }

    static Activation activation(HyperParameters p) {
        return switch (p.getString("activation")) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "sigmoid" -> Activation.SIGMOID;
            default -> throw new IllegalArgumentException("unknown activation " + p.getString("activation"));
        };
    }

    /** How many hidden dense layers come before the output, e.g. {@code dense_layers} or the MLP's {@code hidden_layers}. */
    static ParameterDeclaration layerCount(String name, int defaultValue, int min, int max) {
        return intParam(name, defaultValue, min, max, "number of hidden dense layers before the softmax output");
    }

    /**
     * {@code units}, {@code dropout} for every hidden dense layer, and {@code units_N}, {@code dropout_N},
     * {@code l2_N} for layer N: the per-layer knobs of seed 004's Keras Tuner notebook.
     */
    static List<ParameterDeclaration> denseStack(int maxLayers, int[] defaultUnits) {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        declarations.add(intParam("units", null, 1, MAX_UNITS, "units of every hidden dense layer (units_N overrides layer N)"));
        for (int i = 1; i <= maxLayers; i++) {
            declarations.add(intParam("units_" + i, null, 1, MAX_UNITS,
                    "units of hidden dense layer " + i + " (default " + defaultUnits[i - 1] + ", or units)"));
        }
        declarations.add(floatParam("dropout", 0.0, 0.0, MAX_DROPOUT,
                "drop rate after every hidden dense layer, as Keras' Dropout(rate) (dropout_N overrides layer N)"));
        for (int i = 1; i <= maxLayers; i++) {
            declarations.add(floatParam("dropout_" + i, null, 0.0, MAX_DROPOUT, "drop rate after hidden dense layer " + i));
        }
        for (int i = 1; i <= maxLayers; i++) {
            declarations.add(floatParam("l2_" + i, null, 0.0, MAX_LAYER_L2,
                    "Keras L2 of hidden dense layer " + i + "'s weights; above 0 it replaces l2 for that layer"));
        }
        return declarations;
    }

    private static int units(HyperParameters p, int layer, int[] defaultUnits) {
        return p.getInt("units_" + layer, "units", defaultUnits[layer - 1]);
    }

    private static double dropRate(HyperParameters p, int layer) {
        return p.getDouble("dropout_" + layer, "dropout", 0.0);
    }

    /**
     * Hidden dense layers 1..{@code count} and the softmax output; each layer's dropout applies to its output, as a
     * Keras Dropout layer after it would.
     */
    static void denseStackAndSoftmax(NeuralNetConfiguration.ListBuilder layers, HyperParameters p, int count,
                                     int[] defaultUnits, int classes) {
        Activation activation = activation(p);
        double inputDrop = 0;
        for (int layer = 1; layer <= count; layer++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(units(p, layer, defaultUnits)).activation(activation);
            dropInput(dense, inputDrop);
            if (p.has("l2_" + layer) && p.getDouble("l2_" + layer) > 0) {
                dense.l2(NetworkRequest.dl4jL2(p.getDouble("l2_" + layer)));
            }
            layers.layer(dense.build());
            inputDrop = dropRate(p, layer);
        }
        layers.layer(softmax(classes, inputDrop));
    }

    static OutputLayer softmax(int classes, double inputDropRate) {
        OutputLayer.Builder builder = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(classes).activation(Activation.SOFTMAX);
        dropInput(builder, inputDropRate);
        return builder.build();
    }

    /** DL4J applies a layer's dropout to its input, which is the output of the layer before it. */
    private static void dropInput(org.deeplearning4j.nn.conf.layers.BaseLayer.Builder<?> builder, double dropRate) {
        if (dropRate > 0) {
            builder.dropOut(NetworkRequest.keepProbability(dropRate));
        }
    }
}
