package dev.sweep.run;

import dev.sweep.store.ExperimentStore;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stamps the trials this process is running, every {@link Workers#HEARTBEAT_INTERVAL}, from a thread of its own so
 * that a long batch or evaluation does not look like a dead process.
 */
final class Heartbeat implements AutoCloseable {
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sweep-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    Heartbeat(ExperimentStore store) {
        long period = Workers.HEARTBEAT_INTERVAL.toMillis();
        timer.scheduleAtFixedRate(() -> {
            List<Long> ids = List.copyOf(running);
            if (!ids.isEmpty()) {
                try {
                    store.heartbeat(ids);
                } catch (RuntimeException e) {
                    // The trial's own writes report a failing store; a missed beat only ages the stamp.
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    void add(long trialId) {
        running.add(trialId);
    }

    void remove(long trialId) {
        running.remove(trialId);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
