package dev.sweep.arch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeserializationGuardTest {
    private static byte[] serialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whileAModelIsReadNoObjectIsDeserializedAndAfterwardsEverythingIsAsBefore() throws IOException {
        byte[] date = serialized(new Date(0));
        assertThatThrownBy(() -> DeserializationGuard.refusing(() -> read(date)))
                .hasCauseInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
        assertThat(read(date)).as("outside a model read, as Spark needs").isEqualTo(new Date(0));
    }

    @Test
    void theJvmsFactoryIsSweepsFromTheStartInTests() {
        assertThat(java.io.ObjectInputFilter.Config.getSerialFilterFactory()).isInstanceOf(SerialFilterFactory.class);
    }
}
