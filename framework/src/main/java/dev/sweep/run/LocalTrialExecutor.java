package dev.sweep.run;

import dev.sweep.FatalException;
import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.InputShapeException;
import dev.sweep.arch.Network;
import dev.sweep.data.DataSplit;
import dev.sweep.data.DatasetRepository;
import dev.sweep.train.ClassificationMetrics;
import dev.sweep.train.Evaluator;
import dev.sweep.train.Latency;
import dev.sweep.train.NetworkFactory;
import dev.sweep.train.Trainer;
import dev.sweep.train.TrainingSettings;
import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialReporter;
import jakarta.inject.Inject;
import org.nd4j.linalg.factory.Nd4j;

/** Runs each trial in this process, on the data this process has loaded once. */
public final class LocalTrialExecutor implements TrialExecutor {
    private final ArchitectureRegistry architectures;
    private final DatasetRepository datasets;

    @Inject
    public LocalTrialExecutor(ArchitectureRegistry architectures, DatasetRepository datasets) {
        this.architectures = architectures;
        this.datasets = datasets;
    }

    @Override
    public TrialResult execute(TrialSpec spec, TrialReporter reporter) throws TrialFailedException {
        DataSplit data = datasets.split(spec.dataset());
        Architecture architecture = architectures.get(spec.architecture());
        HyperParameters parameters = new HyperParameters(spec.parameters());
        Nd4j.getRandom().setSeed(spec.seed());
        TrainingSettings settings = TrainingSettings.of(parameters, spec.objective(), data);
        int stepsPerEpoch = (data.train().count() + settings.batchSize() - 1) / settings.batchSize();
        Network network;
        try {
            network = NetworkFactory.build(architecture, parameters, data.shape(), spec.seed(), stepsPerEpoch);
        } catch (InputShapeException e) {
            throw new TrialFailedException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new TrialFailedException("architecture '" + architecture.name() + "' could not build a network from "
                    + parameters + ": " + e, e);
        }
        try {
            Trainer.Outcome outcome = Trainer.train(network, settings, data, spec.seed(), reporter);
            long start = System.nanoTime();
            // The final model holds the weights of the epoch whose full validation metrics the trainer kept.
            ClassificationMetrics validation = outcome.validation();
            ClassificationMetrics test = Evaluator.full(network, data.testSet(), data.classes(), settings.normalization());
            double evalSeconds = outcome.validationSeconds() + (System.nanoTime() - start) / 1e9;
            double[] latency = {Latency.millisecondsPerImage(network, data.testSet(), settings.normalization(), 1, 21),
                    Latency.millisecondsPerImage(network, data.testSet(), settings.normalization(), 256, 5)};
            return new TrialResult(outcome.epochs(), validation, test, network.parameterCount(), outcome.trainSeconds(),
                    evalSeconds, network.format(), network.toBytes(), outcome.bestEpoch(), latency);
        } catch (OutOfMemoryError e) {
            throw new TrialFailedException("out of memory while training (" + e.getMessage() + "); try a smaller batch_size "
                    + "or network, or give the JVM more memory", e);
        } catch (FatalException e) {
            throw e; // e.g. the store failing while an epoch is recorded: not this trial's fault
        } catch (RuntimeException e) {
            // DL4J reports shape and configuration errors of a particular parameter set as runtime exceptions.
            throw new TrialFailedException("training failed: " + e, e);
        }
    }
}
