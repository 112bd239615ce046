package dev.sweep.train;

import dev.sweep.arch.Network;
import dev.sweep.config.Objective;
import dev.sweep.data.DataSplit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fits a network epoch by epoch, validating after each; stops the trial when the loss diverges, and early when the
 * objective stops improving (keeping the best epoch's weights).
 */
public final class Trainer {
    private Trainer() {
    }

    /**
     * @param validation the validation metrics of the network handed back: the best epoch's with early stopping, else
     *                   the last epoch's
     * @param bestEpoch  the epoch whose weights the network holds at the end
     * @param validationSeconds time spent measuring after each epoch (the validation images and the training sample)
     */
    public record Outcome(List<EpochMetrics> epochs, ClassificationMetrics validation, double trainSeconds, int bestEpoch,
                          double validationSeconds) {
    }

    public static Outcome train(Network network, TrainingSettings settings, DataSplit data, long seed,
                                TrialReporter reporter) throws TrialFailedException {
        List<EpochMetrics> history = new ArrayList<>();
        // Trials are seeded seed + number: SplitMix64 mixes every bit first, so neighbouring trials do not shuffle alike
        // (java.util.Random's first draws barely change with the low bits of its seed).
        java.util.SplittableRandom streams = new java.util.SplittableRandom(seed);
        Random order = new Random(streams.nextLong());
        Augmentation augmentation = new Augmentation(settings.rotation(), settings.translation(), settings.flip(),
                new Random(streams.nextLong()));
        EarlyStopping stopping = new EarlyStopping(settings.patience(), settings.minDelta(),
                settings.objective().goal() == Objective.Goal.MAXIMIZE);
        INDArray bestWeights = null;
        ClassificationMetrics bestValidation = null;
        ClassificationMetrics validation = null;
        double fitSeconds = 0;
        double validationSeconds = 0;
        long perEpoch = data.train().count();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            TrainingBatches batches = new TrainingBatches(data.train(), data.classes(), settings.batchSize(), order,
                    settings.normalization(), augmentation);
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
            network.endEpoch();
            double seconds = (System.nanoTime() - start) / 1e9;
            fitSeconds += seconds;
            long evaluating = System.nanoTime();
            // In full (AUC-ROC besides): the epoch whose weights the trial keeps needs no second pass over these images.
            validation = Evaluator.full(network, data.validationSet(), data.classes(), settings.normalization());
            double trainAccuracy = Evaluator.quick(network, data.trainSampleSet(), data.classes(), settings.normalization())
                    .accuracy();
            validationSeconds += (System.nanoTime() - evaluating) / 1e9;
            if (!Double.isFinite(validation.loss())) {
                throw new TrialFailedException("validation loss became " + validation.loss() + " after epoch " + epoch);
            }
            if (stopping.observe(epoch, settings.objectiveOf(validation))) {
                bestValidation = validation;
                if (settings.earlyStopping()) {
                    bestWeights = network.model().params().dup();
                }
            }
            EpochMetrics metrics = new EpochMetrics(epoch, lossSum / steps, trainAccuracy, validation.loss(), validation.accuracy(),
                    seconds, seen / seconds);
            history.add(metrics);
            reporter.epochCompleted(metrics);
            if (epoch < settings.epochs() && reporter.shouldPrune(epoch, settings.objectiveOf(validation))) {
                throw new TrialPrunedException(metrics);
            }
            if (stopping.shouldStop()) {
                break;
            }
        }
        if (!settings.earlyStopping()) {
            return new Outcome(history, validation, fitSeconds, history.size(), validationSeconds);
        }
        if (stopping.bestEpoch() != history.size()) {
            network.model().setParams(bestWeights);
        }
        return new Outcome(history, bestValidation, fitSeconds, stopping.bestEpoch(), validationSeconds);
    }
}
