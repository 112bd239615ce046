package dev.sweep.train;

/**
 * A trial that cannot produce a result (diverged, ran out of memory, its architecture threw): recorded as FAILED
 * with this message, and the sweep goes on. Anything else thrown from a trial stops the sweep.
 * @see dev.sweep.FatalException
 */
public class TrialFailedException extends Exception {
    public TrialFailedException(String message) {
        super(message);
    }

    public TrialFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
