package dev.sweep.train;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;

/** Builds a trial's network: the trainer's settings in the base configuration, the rest from the architecture. */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    public static Network build(Architecture architecture, HyperParameters parameters, ImageShape shape, long seed) {
        NativeHelpers.probeOnce();
        String optimizer = parameters.getString(TrainerParameters.OPTIMIZER);
        double learningRate = parameters.has(TrainerParameters.LEARNING_RATE)
                ? parameters.getDouble(TrainerParameters.LEARNING_RATE) : Optimizers.defaultLearningRate(optimizer);
        double kerasL2 = parameters.has(TrainerParameters.L2) ? parameters.getDouble(TrainerParameters.L2) : 0;
        return architecture.build(new NetworkRequest(parameters, shape, () -> new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM) // Keras' glorot_uniform
                .updater(Optimizers.updater(optimizer, learningRate)), kerasL2));
    }
}
