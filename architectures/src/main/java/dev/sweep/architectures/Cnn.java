package dev.sweep.architectures;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import java.util.Optional;
import dev.sweep.arch.ImageShape;
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
    public Optional<String> inputProblem(ImageShape input, HyperParameters p) {
        return stack(new NeuralNetConfiguration.Builder().list(), p, input).problem();
    }

    @Override
    public Network build(NetworkRequest request) {
        return ConvLayers.finish(request, stack(request.base().list(), request.parameters(), request.input()).layers(), DEFAULT_UNITS);
    }

    private ConvStack stack(NeuralNetConfiguration.ListBuilder layers, HyperParameters p, ImageShape input) {
        ConvStack stack = new ConvStack(name(), layers, p, input, "a smaller kernel_size");
        for (String filters : List.of("filters_1", "filters_2")) {
            stack.convolution(p.getInt(filters), p.getInt("kernel_size"), ConvolutionMode.Same).poolAndDrop();
        }
        return stack;
    }
}
