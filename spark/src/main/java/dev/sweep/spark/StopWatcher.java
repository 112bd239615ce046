package dev.sweep.spark;

import dev.sweep.train.TrialReporter;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Cancels a trial's Spark job when the sweep is asked to stop (Ctrl-C, or another trial's fatal error): the task is
 * interrupted on its executor instead of training on to the end.
 */
final class StopWatcher implements AutoCloseable {
    private static final long POLL_MILLIS = 200;
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile boolean closed;

    private StopWatcher(JavaSparkContext spark, String group, TrialReporter reporter) {
        thread = new Thread(() -> {
            while (!closed) {
                if (reporter.stopRequested()) {
                    cancelled = true;
                    spark.cancelJobGroup(group);
                    return;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sweep-stop-" + group);
        thread.setDaemon(true);
    }

    static StopWatcher start(JavaSparkContext spark, String group, TrialReporter reporter) {
        StopWatcher watcher = new StopWatcher(spark, group, reporter);
        watcher.thread.start();
        return watcher;
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
