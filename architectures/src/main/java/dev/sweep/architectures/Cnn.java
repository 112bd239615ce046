package dev.sweep.architectures;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

import java.util.ArrayList;
import java.util.List;

import static dev.sweep.space.ParameterDeclaration.intParam;

/**
 * Two convolution blocks (same-padded convolution, 2x2 pooling) and dense layers: at its defaults seed 001's CNN,
 * conv3x3x32, max-pool, conv3x3x64, max-pool, dense 128, dense 64, 10.
 */
public final class Cnn implements Architecture {
    private static final int[] DEFAULT_UNITS = {128, 64};

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "seed 001's CNN: two same-padded conv + pool blocks, then dense layers (conv3x3x32, pool, conv3x3x64, pool, 128, 64, 10)";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        declarations.add(intParam("filters_1", 32, 1, ConvLayers.MAX_FILTERS, "filters of the first convolution"));
        declarations.add(intParam("filters_2", 64, 1, ConvLayers.MAX_FILTERS, "filters of the second convolution"));
        declarations.add(intParam("kernel_size", 3, 1, 7, "side of the square convolution kernels (same padding)"));
        declarations.addAll(ConvLayers.sharedKnobs(DEFAULT_UNITS.length, DEFAULT_UNITS));
        return declarations;
    }

    @Override
    public Network build(NetworkRequest request) {
        HyperParameters p = request.parameters();
        int kernel = p.getInt("kernel_size");
        NeuralNetConfiguration.ListBuilder layers = request.base().list();
        for (String filters : List.of("filters_1", "filters_2")) {
            ConvLayers.convolution(layers, p, p.getInt(filters), kernel, ConvolutionMode.Same);
            ConvLayers.poolAndDrop(layers, p);
        }
        return ConvLayers.finish(request, layers, DEFAULT_UNITS);
    }
}
