package org.example.allconv;

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
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Optional;

import static dev.sweep.space.ParameterDeclaration.intParam;

/**
 * The all-convolutional net (Springenberg et al., "Striving for Simplicity", ICLR 2015 workshop): no pooling and no
 * dense layers. Each block is a 3x3 convolution and a 3x3 convolution of stride 2, which downsamples in place of
 * pooling; a 1x1 convolution gives one map per class, averaged over the image into the class scores.
 */
public final class AllConvolutional implements Architecture {
    @Override
    public String name() {
        return "allconv";
    }

    @Override
    public String description() {
        return "all-convolutional net (Springenberg et al. 2015): strided convolutions instead of pooling, global average "
                + "pooling instead of dense layers";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        return List.of(
                intParam("width", 16, 4, 128, "filters of the first block's convolutions; each further block doubles them"),
                intParam("blocks", 2, 1, 3, "blocks of a 3x3 convolution and a stride-2 3x3 convolution"));
    }

    @Override
    public Optional<String> inputProblem(ImageShape input, HyperParameters p) {
        int height = input.height();
        int width = input.width();
        for (int block = 1; block <= p.getInt("blocks"); block++) {
            // DL4J's Same mode refuses a kernel larger than its map, where Keras and PyTorch would pad it.
            if (height < 3 || width < 3) {
                return Optional.of("allconv: " + input.height() + "x" + input.width() + " pictures shrink to " + height + "x"
                        + width + " before block " + block + ", whose 3x3 convolutions need at least 3x3. Fix: give larger "
                        + "pictures, or fewer blocks.");
            }
            height = (height + 1) / 2;
            width = (width + 1) / 2;
        }
        return Optional.empty();
    }

    @Override
    public Network build(NetworkRequest request) {
        HyperParameters p = request.parameters();
        ImageShape input = request.input();
        NeuralNetConfiguration.ListBuilder layers = request.base().list();
        int filters = p.getInt("width");
        for (int block = 0; block < p.getInt("blocks"); block++) {
            layers.layer(convolution(filters, 1));
            layers.layer(convolution(filters, 2));
            filters *= 2;
        }
        layers.layer(new ConvolutionLayer.Builder(1, 1).nOut(input.classes()).activation(Activation.IDENTITY).build());
        layers.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        layers.layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build());
        layers.setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
        return request.network(layers.build());
    }

    private static ConvolutionLayer convolution(int filters, int stride) {
        return new ConvolutionLayer.Builder(3, 3).stride(stride, stride).nOut(filters)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build();
    }
}
