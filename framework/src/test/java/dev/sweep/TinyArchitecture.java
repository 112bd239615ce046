package dev.sweep;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import dev.sweep.space.ParameterDeclaration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;

/** A one-hidden-layer network that framework tests register, since the framework knows no real architecture. */
public final class TinyArchitecture implements Architecture {
    public static ArchitectureRegistry registry() {
        return new ArchitectureRegistry(Map.of("tiny", new TinyArchitecture()));
    }

    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public String description() {
        return "one hidden layer";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        return List.of(ParameterDeclaration.intParam("units", 16, 1, 1024, "hidden units"),
                ParameterDeclaration.floatParam("dropout", 0.0, 0.0, 0.9, "drop rate"),
                ParameterDeclaration.choiceParam("activation", "relu", List.of("relu", "tanh"), "activation"));
    }

    @Override
    public Network build(NetworkRequest request) {
        return request.network(request.base().list()
                .layer(new DenseLayer.Builder().nOut(request.parameters().getInt("units")).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(request.input().classes())
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(request.input().pixels())).build());
    }
}
