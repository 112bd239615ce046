package dev.sweep.run;

import dev.sweep.config.SweepDefinition;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepState;
import dev.sweep.store.TrialState;
import dev.sweep.train.EpochMetrics;
import dev.sweep.train.StopRequestedException;
import dev.sweep.train.TrialFailedException;
import dev.sweep.train.TrialPrunedException;
import dev.sweep.train.TrialReporter;

/**
 * One trial from start to end: stored RUNNING with its resolved configuration before it trains, each repeat run by
 * the executor with every epoch stored as it ends, then recorded COMPLETE, PRUNED or FAILED (the sweep goes on), or
 * INTERRUPTED by a fatal error or a stop, which it passes on to the scheduler.
 */
final class TrialLifecycle {
    private final SweepDefinition definition;
    private final ExperimentStore store;
    private final long sweepId;
    private final int planned;
    private final TrialExecutor executor;
    private final SweepListener listener;
    private final Heartbeat heartbeat;
    private final SweepControl control;

    TrialLifecycle(SweepDefinition definition, ExperimentStore store, long sweepId, int planned, TrialExecutor executor,
                   SweepListener listener, Heartbeat heartbeat, SweepControl control) {
        this.definition = definition;
        this.store = store;
        this.sweepId = sweepId;
        this.planned = planned;
        this.executor = executor;
        this.listener = listener;
        this.heartbeat = heartbeat;
        this.control = control;
    }

    /**
     * Stores the trial RUNNING with its configuration, as soon as it is drawn: the sampler's next suggestion sees it,
     * and a resumed sweep reuses it instead of drawing again.
     */
    long start(int number, long seed, ResolvedTrial trial) {
        long trialId = store.startTrial(sweepId, number, trial.architecture(), seed, trial.configJson(), trial.parameters(), trial.sources(),
                Workers.self());
        heartbeat.add(trialId);
        return trialId;
    }

    /** Trains a started trial to its end. */
    TrialState run(long trialId, int number, long seed, ResolvedTrial trial) {
        long start = System.nanoTime();
        control.started(number);
        TrialReporter progress = listener.trialStarted(number, planned, trial.searched());
        try {
            Repeats repeats = new Repeats(definition.objective());
            for (int repeat = 0; repeat < definition.repeats(); repeat++) {
                long repeatSeed = Repeats.seed(seed, repeat);
                TrialSpec spec = new TrialSpec(definition.name(), number, repeat, trial.architecture(), trial.parameters(),
                        repeatSeed, definition.dataset(), definition.objective());
                TrialResult result = executor.execute(spec, new Execution(trialId, number, repeat, progress));
                double objective = repeats.add(result);
                store.recordRepeat(trialId, repeat, repeatSeed, result, objective);
            }
            double wall = seconds(start);
            store.completeTrial(trialId, repeats.best(), repeats.bestRepeat(), definition.repeats(), repeats.mean(),
                    repeats.standardDeviation(), wall);
            control.completed(number);
            listener.trialEnded(number, TrialState.COMPLETE, repeats.mean(), null, wall);
            return TrialState.COMPLETE;
        } catch (TrialPrunedException e) {
            double wall = seconds(start);
            double objective = definition.objective().of(e.last().valAccuracy(), e.last().valLoss());
            String reason = "pruned after epoch " + e.last().epoch() + " by " + definition.pruner().name();
            store.pruneTrial(trialId, e.last(), objective, reason, wall);
            listener.trialEnded(number, TrialState.PRUNED, objective, reason, wall);
            return TrialState.PRUNED;
        } catch (TrialFailedException e) {
            double wall = seconds(start);
            store.endTrial(trialId, TrialState.FAILED, e.getMessage(), wall);
            listener.trialEnded(number, TrialState.FAILED, null, e.getMessage(), wall);
            return TrialState.FAILED;
        } catch (RuntimeException | Error e) {
            String reason = e instanceof StopRequestedException stopped ? control.interruption(stopped)
                    : "stopped by a fatal error: " + e;
            store.endTrial(trialId, TrialState.INTERRUPTED, reason, seconds(start));
            store.setSweepState(sweepId, SweepState.INTERRUPTED);
            throw e;
        } finally {
            heartbeat.remove(trialId);
        }
    }

    /**
     * One execution of a trial as the executor sees it: each epoch stored under its repeat and added to the pruning
     * history before the user is shown it; the sweep's control answers whether to stop or prune.
     */
    private final class Execution implements TrialReporter {
        private final long trialId;
        private final int number;
        private final int repeat;
        private final TrialReporter progress;

        Execution(long trialId, int number, int repeat, TrialReporter progress) {
            this.trialId = trialId;
            this.number = number;
            this.repeat = repeat;
            this.progress = progress;
        }

        @Override
        public void batchCompleted(int epoch, long seen, long perEpoch, double imagesPerSecond) {
            progress.batchCompleted(epoch, seen, perEpoch, imagesPerSecond);
        }

        @Override
        public void epochCompleted(EpochMetrics metrics) {
            store.recordEpoch(trialId, repeat, metrics);
            control.epoch(number, repeat, metrics);
            progress.epochCompleted(metrics);
        }

        @Override
        public boolean stopRequested() {
            return control.stopRequested();
        }

        @Override
        public boolean shouldPrune(int epoch, double objective) {
            return control.shouldPrune(number, epoch, objective);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
