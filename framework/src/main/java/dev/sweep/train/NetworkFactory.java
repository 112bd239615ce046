package dev.sweep.train;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.InputShapeException;
import dev.sweep.arch.Network;
import dev.sweep.arch.NetworkRequest;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/** Builds a trial's network: the trainer's settings in the base configuration, the rest from the architecture. */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    public static Network build(Architecture architecture, HyperParameters parameters, ImageShape shape, long seed) {
        return build(architecture, parameters, shape, seed, 1);
    }

    /**
     * @param stepsPerEpoch minibatches per epoch, which a warm-up counts in
     * @throws InputShapeException when the architecture says these parameters cannot take pictures of this size
     */
    public static Network build(Architecture architecture, HyperParameters parameters, ImageShape shape, long seed,
                                int stepsPerEpoch) {
        var problem = architecture.inputProblem(shape, parameters);
        if (problem.isPresent()) {
            throw new InputShapeException(problem.get());
        }
        NativeHelpers.probeOnce();
        String optimizer = parameters.getString(TrainerParameters.OPTIMIZER);
        double learningRate = parameters.has(TrainerParameters.LEARNING_RATE)
                ? parameters.getDouble(TrainerParameters.LEARNING_RATE) : Optimizers.defaultLearningRate(optimizer);
        IUpdater updater = Optimizers.updater(optimizer, learningRate,
                parameters.has(TrainerParameters.MOMENTUM) ? parameters.getDouble(TrainerParameters.MOMENTUM) : null);
        updater.setLrAndSchedule(learningRate, LearningRates.schedule(parameters, learningRate, stepsPerEpoch));
        double kerasL2 = parameters.has(TrainerParameters.L2) ? parameters.getDouble(TrainerParameters.L2) : 0;
        double weightDecay = parameters.has(TrainerParameters.WEIGHT_DECAY) ? parameters.getDouble(TrainerParameters.WEIGHT_DECAY) : 0;
        return architecture.build(new NetworkRequest(parameters, shape, () -> new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM) // Keras' glorot_uniform
                // Keeps each convolution's forward output for its backward pass, which CacheMode.NONE recomputes:
                // 1.21-1.26x on the cnn, with bit-identical parameters.
                .cacheMode(CacheMode.DEVICE)
                .updater(updater.clone()), kerasL2, weightDecay));
    }
}
