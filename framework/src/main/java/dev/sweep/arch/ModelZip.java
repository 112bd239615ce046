package dev.sweep.arch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a DL4J model zip before DL4J reads it: only the entries Sweep writes, each read in full within a size
 * limit. DL4J would Java-deserialize a {@code preprocessor.bin} and instantiate the class a {@code normalizer.bin}
 * names; Sweep writes neither, so a zip that has them was not made by Sweep.
 */
public final class ModelZip {
    /** What {@code ModelSerializer.writeModel(model, out, true)} writes. */
    public static final Set<String> ENTRIES = Set.of("configuration.json", "coefficients.bin", "updaterState.bin", "noParams.marker");
    /** Far above any model Sweep's architectures build (the largest at its maximum settings is a few hundred MB). */
    public static final long MAX_INFLATED_BYTES = 1L << 30;

    private ModelZip() {
    }

    /** A model zip that Sweep will not hand to DL4J; the message says why and what to do. */
    public static final class UnsafeModelException extends IOException {
        UnsafeModelException(String message) {
            super(message);
        }
    }

    /**
     * A model file's bytes; a file too large to be a model is not read at all. {@link Network#fromBytes} checks the
     * entries before DL4J reads them.
     */
    public static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_INFLATED_BYTES) {
            throw new UnsafeModelException("it is " + (size >> 20) + " MiB, larger than any model Sweep writes ("
                    + (MAX_INFLATED_BYTES >> 20) + " MiB at most)");
        }
        return Files.readAllBytes(file);
    }

    public static void check(byte[] zip) throws UnsafeModelException {
        Set<String> seen = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (!ENTRIES.contains(name)) {
                    throw new UnsafeModelException("it holds an entry '" + name + "' that Sweep never writes (a model zip "
                            + "holds only " + String.join(", ", ENTRIES.stream().sorted().toList()) + "), so it was not "
                            + "made by Sweep and is not loaded");
                }
                if (!seen.add(name)) {
                    throw new UnsafeModelException("it holds the entry '" + name + "' twice, which Sweep never writes");
                }
                // Counted as inflated: the sizes in a zip's headers are the writer's word and may lie.
                total += drain(in, buffer, MAX_INFLATED_BYTES - total, name);
            }
        } catch (UnsafeModelException e) {
            throw e;
        } catch (IOException e) {
            throw new UnsafeModelException("it is not a readable zip (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")");
        }
        if (!seen.contains("configuration.json")) {
            throw new UnsafeModelException("it has no configuration.json, so it is not a DL4J model zip");
        }
    }

    private static long drain(InputStream in, byte[] buffer, long allowed, String name) throws IOException {
        long count = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            count += n;
            if (count > allowed) {
                throw new UnsafeModelException("its entry '" + name + "' inflates past " + (MAX_INFLATED_BYTES >> 20)
                        + " MiB in all (a zip bomb, or not a Sweep model)");
            }
        }
        return count;
    }
}
