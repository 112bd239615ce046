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
 * Seed 000's ConvNet: three unpadded convolutions, the first two each followed by 2x2 pooling, then a dense layer.
 * The seed does not list its layers; the defaults are the classic Keras layout of that description: conv3x3x32,
 * max-pool, conv3x3x64, max-pool, conv3x3x64, dense 64, 10 (93,322 parameters on 28x28 input).
 */
public final class ConvNet implements Architecture {
    private static final int[] DEFAULT_FILTERS = {32, 64, 64};
    private static final int[] DEFAULT_UNITS = {64, 64};

    @Override
    public String name() {
        return "convnet";
    }

    @Override
    public String description() {
        return "seed 000's ConvNet: three unpadded convolutions with max-pooling after the first two, then dense (32, 64, 64 filters; dense 64)";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        for (int i = 1; i <= DEFAULT_FILTERS.length; i++) {
            declarations.add(intParam("filters_" + i, DEFAULT_FILTERS[i - 1], 1, ConvLayers.MAX_FILTERS,
                    "filters of convolution " + i));
        }
        // 28 -> 26 -> 13 -> 11 -> 5 -> 3 at 3x3; a 5x5 kernel would leave no pixels for the third convolution.
        declarations.add(intParam("kernel_size", 3, 1, 4, "side of the square, unpadded convolution kernels"));
        declarations.addAll(ConvLayers.sharedKnobs(1, DEFAULT_UNITS));
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
        for (int i = 1; i <= DEFAULT_FILTERS.length; i++) {
            stack.convolution(p.getInt("filters_" + i), p.getInt("kernel_size"), ConvolutionMode.Truncate);
            if (i < DEFAULT_FILTERS.length) {
                stack.poolAndDrop();
            }
        }
        return stack;
    }
}
