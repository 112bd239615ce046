package dev.sweep.train;

import dev.sweep.arch.Network;
import dev.sweep.data.DataSplit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Fits a network epoch by epoch, validating after each, and stops the trial when the loss diverges. */
public final class Trainer {
    private Trainer() {
    }

    /** @param validation the validation metrics of the final network (the last epoch's pass) */
    public record Outcome(List<EpochMetrics> epochs, ClassificationMetrics validation, double trainSeconds) {
    }

    public static Outcome train(Network network, int epochs, int batchSize, DataSplit data, long seed,
                                TrialReporter reporter) throws TrialFailedException {
        List<EpochMetrics> history = new ArrayList<>();
        Random random = new Random(seed);
        double fitSeconds = 0;
        long perEpoch = data.train().count();
        ClassificationMetrics validation = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            TrainingBatches batches = new TrainingBatches(data.train(), data.classes(), batchSize, random);
            long start = System.nanoTime();
            double lossSum = 0;
            int steps = 0;
            long seen = 0;
            while (batches.hasNext()) {
                INDArray[] batch = batches.next();
                network.fit(batch[0], batch[1]);
                double loss = network.lastLoss();
                steps++;
                if (!Double.isFinite(loss)) {
                    throw new TrialFailedException("training loss became " + loss + " at epoch " + epoch + ", step " + steps
                            + ": the run diverged (is the learning rate too high?)");
                }
                lossSum += loss;
                seen += batch[0].size(0);
                double elapsed = (System.nanoTime() - start) / 1e9;
                reporter.batchCompleted(epoch, seen, perEpoch, seen / Math.max(elapsed, 1e-9));
                if (reporter.stopRequested()) {
                    throw new StopRequestedException("stopped at your request in epoch " + epoch + ", after " + seen
                            + " of " + perEpoch + " images");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            fitSeconds += seconds;
            validation = Evaluator.quick(network, data.validationSet(), data.classes());
            if (!Double.isFinite(validation.loss())) {
                throw new TrialFailedException("validation loss became " + validation.loss() + " after epoch " + epoch);
            }
            EpochMetrics metrics = new EpochMetrics(epoch, lossSum / steps, validation.loss(), validation.accuracy(),
                    seconds, seen / seconds);
            history.add(metrics);
            reporter.epochCompleted(metrics);
        }
        return new Outcome(history, validation, fitSeconds);
    }
}
