package dev.sweep.store;

/** The database's disk has (nearly) no room left: a fatal error, not bad input; freeing space and resuming fixes it. */
public final class DiskFullException extends StoreException {
    public DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
