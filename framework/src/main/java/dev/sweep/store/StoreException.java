package dev.sweep.store;

/** The experiment database cannot be used. Fatal: the sweep stops and stays resumable. */
public class StoreException extends dev.sweep.FatalException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
