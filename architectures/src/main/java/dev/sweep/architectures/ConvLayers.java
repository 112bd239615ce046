package dev.sweep.architectures;

import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

import java.util.ArrayList;
import java.util.List;

import static dev.sweep.space.ParameterDeclaration.booleanParam;
import static dev.sweep.space.ParameterDeclaration.choiceParam;
import static dev.sweep.space.ParameterDeclaration.floatParam;

/** Declarations and builders of convolution stacks that several architectures share. */
final class ConvLayers {
    static final int MAX_FILTERS = 512;

    private ConvLayers() {
    }

    /** The knobs every conv net of layers shares, after its own: pooling, batch norm, dropout, the dense head, activation. */
    static List<ParameterDeclaration> sharedKnobs(int defaultDenseLayers, int[] defaultUnits) {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        declarations.add(pooling("max"));
        declarations.add(batchNorm());
        declarations.add(convDropout());
        declarations.add(Layers.layerCount("dense_layers", defaultDenseLayers, 0, defaultUnits.length));
        declarations.addAll(Layers.denseStack(defaultUnits.length, defaultUnits));
        declarations.add(Layers.activation("relu"));
        return declarations;
    }

    /** Adds the {@code dense_layers} head and the softmax, reads flat images as image tensors, and initializes. */
    static Network finish(NetworkRequest request, NeuralNetConfiguration.ListBuilder layers, int[] defaultUnits) {
        ImageShape input = request.input();
        Layers.denseStackAndSoftmax(layers, request.parameters(), request.parameters().getInt("dense_layers"), defaultUnits,
                input.classes());
        layers.setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
        return request.network(layers.build());
    }

    static ParameterDeclaration pooling(String defaultValue) {
        return choiceParam("pooling", defaultValue, List.of("max", "avg"), "2x2 pooling after convolution blocks: max or average");
    }

    static ParameterDeclaration batchNorm() {
        return booleanParam("batch_norm", false, "batch normalization after every convolution, before its activation");
    }

    static ParameterDeclaration convDropout() {
        return floatParam("conv_dropout", 0.0, 0.0, Layers.MAX_DROPOUT, "drop rate after every pooling layer");
    }

    /**
     * A convolution and its activation, with batch normalization between them when {@code batch_norm} is set (the
     * convolution then has no bias: batch normalization's shift makes it redundant).
     */
    static void convolution(NeuralNetConfiguration.ListBuilder layers, HyperParameters p, int filters, int kernel,
                            ConvolutionMode mode) {
        Activation activation = Layers.activation(p);
        ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(kernel, kernel).nOut(filters).convolutionMode(mode);
        if (p.getBoolean("batch_norm")) {
            layers.layer(conv.activation(Activation.IDENTITY).hasBias(false).build());
            layers.layer(new BatchNormalization.Builder().build());
            layers.layer(new ActivationLayer.Builder().activation(activation).build());
        } else {
            layers.layer(conv.activation(activation).build());
        }
    }

    /** 2x2 pooling with stride 2, then {@code conv_dropout} if it is above 0. */
    static void poolAndDrop(NeuralNetConfiguration.ListBuilder layers, HyperParameters p) {
        SubsamplingLayer.PoolingType type = switch (p.getString("pooling")) {
            case "max" -> SubsamplingLayer.PoolingType.MAX;
            case "avg" -> SubsamplingLayer.PoolingType.AVG;
            default -> throw new IllegalArgumentException("unknown pooling " + p.getString("pooling"));
        };
        layers.layer(new SubsamplingLayer.Builder(type).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate).build());
        double dropRate = p.getDouble("conv_dropout");
        if (dropRate > 0) {
            layers.layer(new DropoutLayer.Builder(NetworkRequest.keepProbability(dropRate)).build());
        }
    }
}
