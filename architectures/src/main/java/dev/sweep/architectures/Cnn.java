package dev.sweep.architectures;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

import java.util.ArrayList;
import java.util.List;

import static dev.sweep.space.ParameterDeclaration.intParam;

/**
 * Two convolution blocks (same-padded convolution, 2x2 max-pooling) and two dense layers: at its defaults seed
 * 001's CNN, conv3x3x32, pool, conv3x3x64, pool, dense 128, dense 64, 10.
 */
public final class Cnn implements Architecture {
    private static final int[] DEFAULT_UNITS = {128, 64};

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "two conv+max-pool blocks, then dense layers (default seed 001's: conv3x3x32, pool, conv3x3x64, pool, 128, 64, 10)";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        declarations.add(intParam("filters_1", 32, 1, 1024, "filters of the first convolution"));
        declarations.add(intParam("filters_2", 64, 1, 1024, "filters of the second convolution"));
        declarations.add(intParam("kernel_size", 3, 1, 7, "side of the square convolution kernels (same padding)"));
        declarations.addAll(Layers.denseStack(DEFAULT_UNITS.length, DEFAULT_UNITS));
        declarations.add(Layers.activation("relu"));
        return declarations;
    }

    @Override
    public Network build(NetworkRequest request) {
        HyperParameters p = request.parameters();
        Activation activation = Layers.activation(p);
        int kernel = p.getInt("kernel_size");
        ImageShape input = request.input();
        NeuralNetConfiguration.ListBuilder layers = request.base().convolutionMode(ConvolutionMode.Same).list();
        for (String filters : List.of("filters_1", "filters_2")) {
            layers.layer(new ConvolutionLayer.Builder(kernel, kernel).nOut(p.getInt(filters)).activation(activation).build());
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        }
        Layers.denseStackAndSoftmax(layers, p, DEFAULT_UNITS.length, DEFAULT_UNITS, input.classes());
        layers.setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
        return Network.of(layers.build());
    }
}
