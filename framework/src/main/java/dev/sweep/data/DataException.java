package dev.sweep.data;

/** Input data that cannot be used: names the file, what is wrong and how to fix it. Fatal for a sweep. */
public class DataException extends dev.sweep.FatalException {
    public DataException(String message) {
        super(message, null);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
