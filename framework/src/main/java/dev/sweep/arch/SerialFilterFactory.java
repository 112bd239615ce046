package dev.sweep.arch;

import java.io.ObjectInputFilter;
import java.util.function.BinaryOperator;

/**
 * The JVM's serial filter factory (JEP 415): each ObjectInputStream gets the filter asked for, as with the JVM's own
 * factory, except on a thread that is reading a model ({@link DeserializationGuard#refusing}), where every object is
 * refused. {@code -Djdk.serialFilterFactory=dev.sweep.arch.SerialFilterFactory} installs it from the JVM's start.
 */
public final class SerialFilterFactory implements BinaryOperator<ObjectInputFilter> {
    @Override
    public ObjectInputFilter apply(ObjectInputFilter current, ObjectInputFilter next) {
        return DeserializationGuard.REFUSING.get() ? DeserializationGuard.REJECT_ALL : next;
    }
}
