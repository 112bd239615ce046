package dev.sweep.architectures;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;

import java.util.ArrayList;
import java.util.List;

/** Fully connected layers; at its defaults the 784-128-64-10 ReLU baseline of seed 001. */
public final class Mlp implements Architecture {
    private static final int MAX_LAYERS = 4;
    private static final int[] DEFAULT_UNITS = {128, 64, 32, 16};

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multilayer perceptron: hidden dense layers with dropout, then softmax (seed 001's 784-128-64-10, ReLU)";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        declarations.add(Layers.layerCount("hidden_layers", 2, 1, MAX_LAYERS));
        declarations.addAll(Layers.denseStack(MAX_LAYERS, DEFAULT_UNITS));
        declarations.add(Layers.activation("relu"));
        return declarations;
    }

    @Override
    public Network build(NetworkRequest request) {
        HyperParameters p = request.parameters();
        NeuralNetConfiguration.ListBuilder layers = request.base().list();
        Layers.denseStackAndSoftmax(layers, p, p.getInt("hidden_layers"), DEFAULT_UNITS, request.input().classes());
        layers.setInputType(InputType.feedForward(request.input().pixels()));
        return request.network(layers.build());
    }
}
