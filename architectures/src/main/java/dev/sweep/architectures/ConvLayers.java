package dev.sweep.architectures;

import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;

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
}
