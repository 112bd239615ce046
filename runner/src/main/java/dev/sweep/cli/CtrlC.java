package dev.sweep.cli;

import dev.sweep.run.StopSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * While a sweep runs, the first Ctrl-C (or SIGTERM) asks it to stop after the current batch, marking the trial
 * INTERRUPTED and the sweep resumable; a second one exits at once. The database stays consistent either way: every
 * write is its own committed transaction.
 */
final class CtrlC implements AutoCloseable {
    static final int EXIT_CODE = 130;
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final Map<String, SignalHandler> previous = new ConcurrentHashMap<>();
    private final AtomicInteger presses = new AtomicInteger();

    CtrlC(StopSignal stop, PrintWriter err) {
        for (String name : SIGNALS) {
            previous.put(name, Signal.handle(new Signal(name), signal -> {
                if (presses.incrementAndGet() == 1) {
                    stop.request();
                    err.println();
                    err.println("Stopping after this batch; the trial will be marked INTERRUPTED and run again on resume. "
                            + "Press Ctrl-C again to quit at once.");
                    err.flush();
                } else {
                    Runtime.getRuntime().halt(EXIT_CODE);
                }
            }));
        }
    }

    @Override
    public void close() {
        previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
    }
}
