package dev.sweep.run;

import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.config.ConfigurationException;
import dev.sweep.config.Objective;
import dev.sweep.config.SweepDefinition;
import dev.sweep.prune.LiveHistory;
import dev.sweep.prune.Pruner;
import dev.sweep.data.DatasetRepository;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.sample.Sampler;
import dev.sweep.sample.Suggestion;
import dev.sweep.space.ParameterResolver;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.SweepState;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import dev.sweep.train.NativeHelpers;
import dev.sweep.train.StopRequestedException;
import dev.sweep.train.TrainerParameters;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The sweep loop: numbered candidates from the sweep's sampler, each drawn when a slot is free and recorded before
 * it runs and updated as it goes, failures recorded and passed over, fatal errors leaving a sweep that the same
 * command resumes.
 */
public final class SweepRunner {
    private final ArchitectureRegistry architectures;
    private final DatasetRepository datasets;
    private final TrialExecutor executor;
    private final StopSignal stop;

    @Inject
    public SweepRunner(ArchitectureRegistry architectures, DatasetRepository datasets, TrialExecutor executor, StopSignal stop) {
        this.architectures = architectures;
        this.datasets = datasets;
        this.executor = executor;
        this.stop = stop;
    }

    /**
     * Loads and checks the sweep's data (once per process): a data problem is then reported before any database is
     * opened or created.
     */
    public void checkData(SweepDefinition definition) {
        datasets.split(definition.dataset());
    }

    public SweepOutcome run(SweepDefinition definition, ExperimentStore store, SweepListener listener) {
        long started = System.nanoTime();
        NativeHelpers.checkConcurrentTrials(definition.parallel());
        Sampler sampler = FirstTrialsSource.sampler(definition, store);
        int planned = sampler.planned();
        // Data problems are fatal and best found before anything is recorded.
        Map<String, Object> provenance = datasets.split(definition.dataset()).provenance();
        long sweepId = openSweep(definition, store, planned);
        List<TrialRecord> earlier = store.trials(sweepId);
        Set<Integer> finished = earlier.stream()
                .filter(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.FAILED || t.state() == TrialState.PRUNED)
                .map(TrialRecord::number).collect(Collectors.toSet());
        int failed = (int) earlier.stream().filter(t -> t.state() == TrialState.FAILED).count();
        listener.sweepStarted(definition.withParallel(Math.max(definition.parallel(), executor.slots())), planned, finished.size());
        ArchitectureBranches branches = definition.branches();
        Map<String, ParameterResolver> resolvers = new HashMap<>();
        for (String architecture : branches.architectures()) {
            resolvers.put(architecture, architectures.resolver(branches, architecture, definition.parameters(), definition.conditions()));
        }
        Deque<Integer> pending = new ArrayDeque<>();
        for (int number = 0; number < planned; number++) {
            if (!finished.contains(number)) {
                pending.add(number);
            }
        }
        AtomicBoolean abort = new AtomicBoolean();
        Pruner pruner = definition.pruner() == null ? null : definition.pruner().create(definition.maxEpochs());
        LiveHistory history = new LiveHistory(store.history(sweepId, definition.objective().metric(),
                definition.objective().goal() == Objective.Goal.MAXIMIZE), definition.objective().metric());
        // The schedule's window is the file's parallel, not the executor's slots: a cluster's slots vary from run to run.
        int window = definition.strategy().reproducible() && definition.parallel() > 1 ? definition.parallel() : 0;
        // What earlier runs used of the time budget is taken from the stored trials' times, as BudgetClock counts it:
        // from a run's first trial on. This run has the rest, counted the same way.
        long left = definition.budget() == null ? Long.MAX_VALUE
                : BudgetClock.left(definition.budget(), BudgetClock.used(earlier)).toNanos();
        java.util.concurrent.atomic.AtomicLong firstStart = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
        java.util.function.BooleanSupplier withinBudget = () -> {
            long now = System.nanoTime();
            firstStart.compareAndSet(Long.MIN_VALUE, now);
            return left == Long.MAX_VALUE || now - firstStart.get() < left;
        };
        TrialScheduler scheduler = new TrialScheduler(executor, stop, abort, definition.parallel(), definition.maxFailures(),
                failed, () -> failureBudgetExceeded(definition, store, sweepId), window, finished, withinBudget);
        TrialScheduler.Tally tally;
        try (Heartbeat heartbeat = new Heartbeat(store)) {
            TrialLifecycle lifecycle = new TrialLifecycle(definition, store, sweepId, planned, executor, listener, heartbeat,
                    new SweepControl(stop, abort, pruner, history));
            boolean maximize = definition.objective().goal() == Objective.Goal.MAXIMIZE;
            Map<Integer, TrialRecord> interrupted = new HashMap<>();
            earlier.stream().filter(t -> !finished.contains(t.number())).forEach(t -> interrupted.put(t.number(), t));
            tally = scheduler.run(pending, number -> {
                long seed = definition.seed() + number;
                // A trial drawn before keeps its candidate: drawing it again could differ once the history has grown.
                Suggestion suggestion = Optional.ofNullable(interrupted.get(number)).flatMap(StoredCandidates::of)
                        .orElseGet(() -> sampler.suggest(number, (window == 0 ? StoredCandidates.history(store.trials(sweepId), maximize)
                                : StoredCandidates.historyOnSchedule(store.trials(sweepId), maximize, number, window))
                                .only(other -> pruner == null || pruner.competesWith(number, other))));
                String architecture = branches.architectureOf(suggestion.values());
                ResolvedTrial trial = ResolvedTrial.of(definition, resolvers.get(architecture), number, seed, suggestion, provenance);
                long trialId = lifecycle.start(number, seed, trial);
                return () -> lifecycle.run(trialId, number, seed, trial);
            });
        } catch (RuntimeException e) {
            store.setSweepState(sweepId, SweepState.INTERRUPTED);
            throw e;
        }
        boolean budgetSpent = !withinBudget.getAsBoolean();
        if (tally.notStarted() > 0 && !budgetSpent) {
            store.setSweepState(sweepId, SweepState.INTERRUPTED);
            throw new StopRequestedException("stopped at your request with " + tally.notStarted() + " trials not started");
        }
        // A sweep its budget stopped can go on: run it again with a larger budget.
        store.setSweepState(sweepId, tally.notStarted() > 0 ? SweepState.INTERRUPTED : SweepState.COMPLETE);
        java.time.Duration used = definition.budget() == null ? null : BudgetClock.used(store.trials(sweepId));
        SweepOutcome outcome = new SweepOutcome(sweepId, definition.name(), planned, tally.complete(), tally.pruned(),
                tally.failed(), finished.size(),
                store.bestTrial(sweepId), (System.nanoTime() - started) / 1e9, definition.budget(), used, tally.notStarted());
        listener.sweepEnded(outcome);
        return outcome;
    }

    private static FailureBudgetExceededException failureBudgetExceeded(SweepDefinition definition, ExperimentStore store,
                                                                        long sweepId) {
        int failed = (int) store.trials(sweepId).stream().filter(t -> t.state() == TrialState.FAILED).count();
        String reasons = store.trials(sweepId).stream().filter(t -> t.state() == TrialState.FAILED)
                .map(t -> "  trial " + t.id() + " (candidate #" + t.number() + "): " + t.error()).collect(Collectors.joining("\n"));
        return new FailureBudgetExceededException("sweep '" + definition.name() + "' stopped: " + failed
                + " trials failed, and max_failures is " + definition.maxFailures() + ":\n" + reasons
                + "\nFix: change the parameters that fail (as a new sweep, --name), or raise max_failures in the file and "
                + "run it again to go on; finished trials are kept.");
    }



    /** True when a sweep of this name and definition has already run every trial: nothing to do. */
    public static boolean alreadyComplete(SweepDefinition definition, ExperimentStore store) {
        return store.findSweep(definition.name())
                .filter(s -> s.state() == SweepState.COMPLETE)
                .filter(s -> SweepFileChanges.meaningful(s.yamlText()).equals(SweepFileChanges.meaningful(definition.yamlText())))
                .isPresent();
    }

    /**
     * Creates the sweep, or reopens an unfinished one with the same definition: trials left RUNNING by a process
     * that is gone are marked INTERRUPTED, to run again; a live process still running one refuses the reopening.
     */
    private static long openSweep(SweepDefinition definition, ExperimentStore store, int planned) {
        SweepRecord existing = store.findSweep(definition.name()).orElse(null);
        if (existing == null) {
            return store.createSweep(definition, planned);
        }
        if (!SweepFileChanges.meaningful(existing.yamlText()).equals(SweepFileChanges.meaningful(definition.yamlText()))) {
            String file = definition.source() == null ? definition.name() : definition.source().toString();
            throw ConfigurationException.single(file, "a sweep named '" + definition.name() + "' already exists in "
                            + store.location() + " with a different definition:\n" + SweepFileChanges.describe(existing.yamlText(),
                            definition.yamlText()),
                    "run it as a new sweep with --name NEW_NAME, rename it in the file, or use another --db");
        }
        OffsetDateTime now = OffsetDateTime.now();
        for (TrialRecord trial : store.trials(existing.id())) {
            if (trial.state() != TrialState.RUNNING) {
                continue;
            }
            if (!Workers.isGone(trial, now)) {
                throw new SweepBusyException("sweep '" + definition.name() + "' is being run by process " + trial.worker()
                        + " (trial " + trial.id() + ", candidate #" + trial.number() + ", last heartbeat " + trial.heartbeatAt() + "). Fix: wait for it to "
                        + "finish or stop it (Ctrl-C or kill), then run this again to resume; ./sweep leaderboard --sweep "
                        + definition.name() + " shows its progress.");
            }
            store.endTrial(trial.id(), TrialState.INTERRUPTED, "the process running it (" + trial.worker()
                    + ") is gone; last heartbeat " + trial.heartbeatAt() + "; run again", 0);
        }
        store.setSweepState(existing.id(), SweepState.RUNNING);
        return existing.id();
    }

}
