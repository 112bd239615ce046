package dev.sweep.run;

import dev.sweep.store.TrialState;
import dev.sweep.train.StopRequestedException;

import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Keeps the executor's slots busy with the pending candidates, asking again for the slot count as trials end (a
 * cluster's executors may register late), until none is left, a stop is asked for, a fatal error ends the sweep, or
 * the failure budget is spent. The first fatal error wins; the trials still running then stop at their next batch.
 * On a fixed schedule of window P, trial k starts only once trials 0..k-P have ended, so that what it can learn from
 * does not depend on which trials happened to end first.
 */
final class TrialScheduler {
    private static final int SLOT_CHECK_SECONDS = 5;

    /** How the scheduled trials ended; {@code notStarted} candidates were left pending by a stop. */
    record Tally(int complete, int pruned, int failed, int notStarted) {
    }

    private final TrialExecutor executor;
    private final StopSignal stop;
    private final AtomicBoolean abort;
    private final int parallel;
    private final Integer maxFailures;
    private final Supplier<RuntimeException> budgetSpent;
    private final int window;
    private final java.util.function.BooleanSupplier mayStart;
    private final java.util.Set<Integer> ended = new java.util.HashSet<>();
    private final java.util.Map<Future<TrialState>, Integer> numbers = new java.util.HashMap<>();

    /**
     * @param failedBefore trials of this sweep that failed in earlier runs: they count against {@code maxFailures}
     * @param budgetSpent  the error that stops the sweep once {@code maxFailures} trials have failed
     * @param window       0 to start trials whenever a slot is free; P for the fixed schedule
     * @param endedBefore  the trials that ended in earlier runs
     * @param mayStart     false once no trial may start (the time budget is spent); the running ones then finish
     */
    TrialScheduler(TrialExecutor executor, StopSignal stop, AtomicBoolean abort, int parallel, Integer maxFailures,
                   int failedBefore, Supplier<RuntimeException> budgetSpent, int window, java.util.Set<Integer> endedBefore,
                   java.util.function.BooleanSupplier mayStart) {
        this.executor = executor;
        this.stop = stop;
        this.abort = abort;
        this.parallel = Math.max(1, parallel);
        this.maxFailures = maxFailures;
        this.failedTotal = failedBefore;
        this.budgetSpent = budgetSpent;
        this.window = window;
        this.mayStart = mayStart;
        this.ended.addAll(endedBefore);
    }

    private int failedTotal;
    private int complete;
    private int pruned;
    private int failed;
    private int running;
    private RuntimeException stopping;
    private boolean interrupted;

    /** Runs {@code trial.apply(number)} for the pending numbers; throws the error that stopped the sweep, if any. */
    Tally run(Deque<Integer> pending, IntFunction<Callable<TrialState>> trial) {
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("sweep-trial"));
        CompletionService<TrialState> trials = new ExecutorCompletionService<>(pool);
        try {
            while (!pending.isEmpty() || running > 0) {
                startWhileSlotsAreFree(pending, trials, trial);
                if (running == 0) {
                    if (stopping == null && !stop.isRequested() && !pending.isEmpty() && mayStart.getAsBoolean()) {
                        throw new IllegalStateException("candidate #" + pending.peek() + " waits on trials that are neither "
                                + "running nor ended");
                    }
                    break;
                }
                collectNext(trials);
            }
        } finally {
            pool.shutdownNow();
            stop.clear();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (stopping != null) {
            throw stopping;
        }
        return new Tally(complete, pruned, failed, pending.size());
    }

    private void startWhileSlotsAreFree(Deque<Integer> pending, CompletionService<TrialState> trials,
                                        IntFunction<Callable<TrialState>> trial) {
        while (stopping == null && running < Math.max(parallel, executor.slots()) && !pending.isEmpty() && !stop.isRequested()
                && onSchedule(pending.peek()) && mayStart.getAsBoolean()) {
            if (maxFailures != null && failedTotal >= maxFailures) {
                stopping = budgetSpent.get();
                abort.set(true);
                return;
            }
            int number = pending.poll();
            numbers.put(trials.submit(trial.apply(number)), number);
            running++;
        }
    }

    /** Whether every trial numbered k - window or lower has ended; always, off the fixed schedule. */
    private boolean onSchedule(int k) {
        for (int j = 0; window > 0 && j <= k - window; j++) {
            if (!ended.contains(j)) {
                return false;
            }
        }
        return true;
    }

    /** Waits a few seconds for the next trial to end and counts it; none ending is fine, the slots are asked again. */
    private void collectNext(CompletionService<TrialState> trials) {
        TrialState state;
        try {
            Future<TrialState> next = trials.poll(SLOT_CHECK_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                return;
            }
            running--;
            ended.add(numbers.remove(next));
            state = next.get();
        } catch (ExecutionException e) {
            fatal(e.getCause());
            return;
        } catch (InterruptedException e) {
            // Not set again until the running trials have stopped: a set flag would make every later poll throw.
            interrupted = true;
            fatal(new StopRequestedException("interrupted while waiting for a trial"));
            return;
        }
        switch (state) {
            case COMPLETE -> complete++;
            case PRUNED -> pruned++;
            default -> {
                failed++;
                failedTotal++;
            }
        }
    }

    /** The first fatal error stops the sweep; a real error replaces a mere stop request. */
    private void fatal(Throwable e) {
        if (stopping == null || stopping instanceof StopRequestedException && !(e instanceof StopRequestedException)) {
            stopping = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        abort.set(true);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
