package dev.sweep.run;

import dev.sweep.FatalException;

/** Another live process is running the sweep: running it here too would train the same trials twice. */
public final class SweepBusyException extends FatalException {
    SweepBusyException(String message) {
        super(message, null);
    }
}
