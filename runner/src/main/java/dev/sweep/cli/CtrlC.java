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
 * While a sweep runs, the first Ctrl-C, SIGTERM (what {@code kill}, systemd, Docker and Spark send) or SIGHUP (a closed
 * terminal or SSH session) asks it to stop after the current batch, marking the trial INTERRUPTED and the sweep
 * resumable; a second one exits at once. The exit code is the shell's for that signal: 130 for SIGINT, 143 for SIGTERM,
 * 129 for SIGHUP. A SIGHUP the sweep was started to ignore ({@code nohup}) stays ignored. The database stays consistent
 * either way: every write is its own committed transaction.
 */
final class CtrlC implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final Map<String, SignalHandler> previous = new ConcurrentHashMap<>();
    private final AtomicInteger presses = new AtomicInteger();
    private volatile int exitCode = 130;

    CtrlC(StopSignal stop, PrintWriter err) {
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            if (name.equals("HUP") && ignoredAtStart(signal)) {
                continue;
            }
            previous.put(name, Signal.handle(signal, received -> {
                if (presses.incrementAndGet() == 1) {
                    exitCode = 128 + received.getNumber();
                    stop.request();
                    err.println();
                    err.println("Stopping after this batch (SIG" + received.getName() + "); the trial will be marked "
                            + "INTERRUPTED and run again on resume. A second Ctrl-C or signal quits at once.");
                    err.flush();
                } else {
                    Runtime.getRuntime().halt(128 + received.getNumber());
                }
            }));
        }
    }

    /** Whether the process was started ignoring the signal (nohup does so for SIGHUP), from Linux's process status. */
    private static boolean ignoredAtStart(Signal signal) {
        try {
            String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0");
            long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
            return (mask & (1L << (signal.getNumber() - 1))) != 0;
        } catch (java.io.IOException | RuntimeException e) {
            return false; // not Linux: handle it
        }
    }

    /** 128 plus the number of the signal that stopped the sweep, as a shell reports a process a signal ended. */
    int exitCode() {
        return exitCode;
    }

    @Override
    public void close() {
        previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
    }
}
