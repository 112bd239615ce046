package dev.sweep;

/**
 * A problem no trial can get past (the database, the data): the sweep stops, cleanly and resumable, instead of
 * recording the trial as failed and going on.
 */
public abstract class FatalException extends RuntimeException {
    protected FatalException(String message, Throwable cause) {
        super(message, cause);
    }
}
