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
 * Seed 000's VGG-like network: blocks of same-padded 3x3 convolutions, each block ending in 2x2 pooling, with the
 * filters doubling from block to block, then dense layers. At its defaults: two blocks of two convolutions with 32
 * and 64 filters, dense 256, 10 (870,634 parameters, the peers' "vgg").
 */
public final class Vgg implements Architecture {
    private static final int MAX_BLOCKS = 4;
    private static final int KERNEL = 3;
    private static final int[] DEFAULT_UNITS = {256, 256};

    @Override
    public String name() {
        return "vgg";
    }

    @Override
    public String description() {
        return "seed 000's VGG-like net: blocks of 3x3 convolutions then pooling, filters doubling per block (2 blocks x 2 convs, 32/64, dense 256)";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        // Each block halves the image: 28 -> 14 -> 7 -> 3 -> 1.
        declarations.add(intParam("blocks", 2, 1, MAX_BLOCKS, "convolution blocks, each ending in 2x2 pooling"));
        declarations.add(intParam("convs_per_block", 2, 1, 4, "3x3 convolutions in every block"));
        declarations.add(intParam("filters", 32, 1, 128, "filters of the first block's convolutions; each later block doubles them"));
        for (int i = 1; i <= MAX_BLOCKS; i++) {
            declarations.add(intParam("filters_" + i, null, 1, ConvLayers.MAX_FILTERS * 2,
                    "filters of block " + i + "'s convolutions (default: filters doubled " + (i - 1) + " times)"));
        }
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
        ConvStack stack = new ConvStack(name(), layers, p, input, "fewer blocks");
        for (int block = 1; block <= p.getInt("blocks"); block++) {
            int filters = p.has("filters_" + block) ? p.getInt("filters_" + block) : p.getInt("filters") << (block - 1);
            for (int conv = 0; conv < p.getInt("convs_per_block"); conv++) {
                stack.convolution(filters, KERNEL, ConvolutionMode.Same);
            }
            stack.poolAndDrop();
        }
        return stack;
    }
}
