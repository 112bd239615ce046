package dev.sweep.arch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ObjectInputFilter;
import java.util.function.Supplier;

/**
 * Refuses Java deserialization (a JEP 290 filter) while a model is read. DL4J's ModelSerializer calls
 * {@code ObjectInputStream.readObject} on some zip entries, and a crafted zip could hand it a gadget chain or a
 * hash-set bomb. The filter is scoped to the reading thread: Spark, in the same JVM, deserializes its own tasks.
 */
public final class DeserializationGuard {
    private static final Logger LOG = LoggerFactory.getLogger(DeserializationGuard.class);
    static final ThreadLocal<Boolean> REFUSING = ThreadLocal.withInitial(() -> false);
    static final ObjectInputFilter REJECT_ALL = info -> ObjectInputFilter.Status.REJECTED;
    private static volatile boolean installed;

    private DeserializationGuard() {
    }

    /** Runs {@code read} with every {@code ObjectInputStream} on this thread refusing every object. */
    public static <T> T refusing(Supplier<T> read) {
        install();
        boolean outer = REFUSING.get();
        REFUSING.set(true);
        try {
            return read.get();
        } finally {
            REFUSING.set(outer);
        }
    }

    /**
     * Makes {@link SerialFilterFactory} the JVM's factory. Java allows that only before the first ObjectInputStream exists, so
     * the command line calls it first thing, and ./sweep and the tests also name it in {@code -Djdk.serialFilterFactory}.
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        if (ObjectInputFilter.Config.getSerialFilterFactory() instanceof SerialFilterFactory) {
            return;
        }
        try {
            ObjectInputFilter.Config.setSerialFilterFactory(new SerialFilterFactory());
        } catch (IllegalStateException tooLate) {
            LOG.warn("Java deserialization cannot be refused in this JVM (" + tooLate.getMessage() + "); model files are "
                    + "still checked entry by entry. Start it with -Djdk.serialFilterFactory=" + SerialFilterFactory.class.getName());
        }
    }
}
