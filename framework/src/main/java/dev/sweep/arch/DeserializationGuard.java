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
    private static final ThreadLocal<Boolean> REFUSING = ThreadLocal.withInitial(() -> false);
    private static final ObjectInputFilter REJECT_ALL = info -> ObjectInputFilter.Status.REJECTED;
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

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            // The factory picks each stream's filter: the one asked for (as the JVM's own factory does), or, while
            // a model is being read on this thread, one that rejects everything.
            ObjectInputFilter.Config.setSerialFilterFactory((current, next) -> REFUSING.get() ? REJECT_ALL : next);
        } catch (IllegalStateException alreadySet) {
            LOG.warn("a serial filter factory is already set for this JVM (jdk.serialFilterFactory); model files are "
                    + "still checked entry by entry, but Sweep's own deserialization filter is not installed");
        }
    }
}
