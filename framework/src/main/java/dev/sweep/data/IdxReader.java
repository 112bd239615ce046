package dev.sweep.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the format of MNIST), raw or gzipped, and refuses anything that does not match its header:
 * wrong magic number, unsupported element type, truncated or over-long data.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    public static IdxArray read(Path file) {
        byte[] bytes = readMaybeGzipped(file);
        if (bytes.length < 4) {
            throw new DataException(file + ": only " + bytes.length + " bytes, too short for an IDX header. "
                    + "Fix: replace it with a complete copy of the file.");
        }
        if (bytes[0] != 0 || bytes[1] != 0) {
            throw new DataException(String.format("%s: not an IDX file (magic number starts 0x%02x%02x, expected 0x0000). "
                    + "Fix: point the dataset at the raw or gzipped IDX files (e.g. train-images-idx3-ubyte).",
                    file, bytes[0] & 0xff, bytes[1] & 0xff));
        }
        int type = bytes[2] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new DataException(String.format("%s: IDX element type 0x%02x is not supported; Sweep reads unsigned-byte "
                    + "IDX files (type 0x08), as MNIST ships them. Fix: convert the file to unsigned bytes.", file, type));
        }
        int rank = bytes[3] & 0xff;
        if (rank < 1 || rank > 4) {
            throw new DataException(file + ": IDX header declares " + rank + " dimensions; expected 1 (labels) or 3 (images). "
                    + "Fix: replace it with a complete copy of the file.");
        }
        int headerSize = 4 + 4 * rank;
        if (bytes.length < headerSize) {
            throw new DataException(file + ": truncated inside the IDX header (" + bytes.length + " bytes). "
                    + "Fix: replace it with a complete copy of the file.");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, 4 * rank);
        int[] dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = header.getInt();
            if (dims[i] <= 0) {
                throw new DataException(file + ": IDX dimension " + (i + 1) + " is " + dims[i] + ". "
                        + "Fix: replace it with a complete copy of the file.");
            }
            expected *= dims[i];
        }
        long actual = bytes.length - (long) headerSize;
        if (actual < expected) {
            throw new DataException(file + ": truncated: the header promises " + expected + " values "
                    + Arrays.toString(dims) + " but the file holds " + actual + ". "
                    + "Fix: replace it with a complete copy of the file.");
        }
        if (actual > expected) {
            throw new DataException(file + ": " + (actual - expected) + " bytes beyond the " + expected + " values its header "
                    + Arrays.toString(dims) + " declares. Fix: replace it with an intact copy of the file.");
        }
        return new IdxArray(file, dims, Arrays.copyOfRange(bytes, headerSize, bytes.length));
    }

    private static byte[] readMaybeGzipped(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file.", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read: " + e.getMessage(), e);
        }
        boolean gzipped = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzipped) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new DataException(file + ": gzip data is corrupt or truncated (" + e.getMessage() + "). "
                    + "Fix: replace it with a complete copy of the file.", e);
        }
    }
}
