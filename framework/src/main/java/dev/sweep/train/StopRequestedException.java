package dev.sweep.train;

import dev.sweep.FatalException;

/** Training stopped because the user asked the sweep to stop (Ctrl-C): not the trial's fault, and resumable. */
public final class StopRequestedException extends FatalException {
    public StopRequestedException(String message) {
        super(message, null);
    }
}
