package dev.sweep.run;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicBoolean;

/** A request, e.g. from Ctrl-C, that the running sweep stop at the next batch and leave itself resumable. */
@Singleton
public final class StopSignal {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get();
    }

    /** Clears a request once the sweep it was meant for has stopped. */
    public void clear() {
        requested.set(false);
    }
}
