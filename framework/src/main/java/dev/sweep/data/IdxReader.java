package dev.sweep.data;

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

    /**
     * The most values one file may declare: 20 times MNIST's training images. A header is the file's own word, and a
     * gzipped file of a few kilobytes can declare, or inflate to, gigabytes.
     */
    public static final long MAX_VALUES = 1L << 30;

    /** A file's dimensions, from its header alone: what pairing images with labels needs before any value is read. */
    public static int[] dimensions(Path file) {
        try (InputStream in = open(file)) {
            return header(file, in).dims();
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    public static IdxArray read(Path file) {
        try (InputStream in = open(file)) {
            Header header = header(file, in);
            int[] dims = header.dims();
            long expected = header.values();
            // The header is the file's own word: its size (a gzip's recorded one) says whether the values are there,
            // before memory is taken for them.
            boolean gzip = gzipped(file);
            long held = contentSize(file, gzip) - header.bytes();
            if (held >= 0 && held < expected && gzip) {
                throw new DataException(file + ": gzip data is corrupt or truncated: it records " + (held + header.bytes())
                        + " bytes inflated, and the header promises " + expected + " values " + Arrays.toString(dims)
                        + "; nothing was allocated for them. Fix: replace it with a complete copy of the file.");
            }
            if (held >= 0 && held < expected) {
                throw truncated(file, dims, expected, held);
            }
            byte[] values = new byte[(int) expected];
            int read = in.readNBytes(values, 0, values.length);
            if (read < expected) {
                throw truncated(file, dims, expected, read);
            }
            // Only a little past the end is read: a file that goes on for gigabytes is refused all the same.
            long beyond = in.skip(1L << 20) + (in.read() >= 0 ? 1 : 0);
            if (beyond > 0) {
                throw new DataException(file + ": " + (beyond > 1L << 20 ? "more than 1 MiB of" : beyond) + " bytes beyond the "
                        + expected + " values its header " + Arrays.toString(dims)
                        + " declares. Fix: replace it with an intact copy of the file.");
            }
            return new IdxArray(file, dims, values);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private record Header(int[] dims, long values) {
        long bytes() {
            return 4L + 4L * dims.length;
        }
    }

    private static Header header(Path file, InputStream in) throws IOException {
        byte[] start = in.readNBytes(4);
        if (start.length < 4) {
            throw new DataException(file + ": only " + start.length + " bytes, too short for an IDX header. "
                    + "Fix: replace it with a complete copy of the file.");
        }
        if (start[0] != 0 || start[1] != 0) {
            throw new DataException(String.format("%s: not an IDX file (magic number starts 0x%02x%02x, expected 0x0000). "
                    + "Fix: point the dataset at the raw or gzipped IDX files (e.g. train-images-idx3-ubyte).",
                    file, start[0] & 0xff, start[1] & 0xff));
        }
        int type = start[2] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new DataException(String.format("%s: IDX element type 0x%02x is not supported; Sweep reads unsigned-byte "
                    + "IDX files (type 0x08), as MNIST ships them. Fix: convert the file to unsigned bytes.", file, type));
        }
        int rank = start[3] & 0xff;
        if (rank < 1 || rank > 4) {
            throw new DataException(file + ": IDX header declares " + rank + " dimensions; expected 1 (labels) or 3 (images). "
                    + "Fix: replace it with a complete copy of the file.");
        }
        byte[] headerBytes = in.readNBytes(4 * rank);
        if (headerBytes.length < 4 * rank) {
            throw new DataException(file + ": truncated inside the IDX header (" + (4 + headerBytes.length) + " bytes). "
                    + "Fix: replace it with a complete copy of the file.");
        }
        ByteBuffer header = ByteBuffer.wrap(headerBytes);
        int[] dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = header.getInt();
            if (dims[i] <= 0) {
                throw new DataException(file + ": IDX dimension " + (i + 1) + " is " + dims[i] + ". "
                        + "Fix: replace it with a complete copy of the file.");
            }
            expected = Math.multiplyHigh(expected, dims[i]) == 0 ? expected * dims[i] : Long.MAX_VALUE;
        }
        if (expected > MAX_VALUES) {
            throw new DataException(file + ": its header declares " + (expected == Long.MAX_VALUE ? "more than 2^63"
                    : String.format("%,d", expected)) + " values " + Arrays.toString(dims) + ", more than the "
                    + String.format("%,d", MAX_VALUES) + " Sweep reads from one file; nothing was allocated. "
                    + "Fix: split the data into smaller files, or check that this is the file you meant.");
        }
        return new Header(dims, expected);
    }

    /**
     * The bytes the file holds once inflated: its size, or for a gzip the size its trailer records (modulo 2^32, so
     * exact below the 1 GiB a file may declare); -1 when unknown.
     */
    private static long contentSize(Path file, boolean gzip) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (!gzip) {
                return size;
            }
            if (size < 18) {
                return -1;
            }
            ByteBuffer trailer = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.position(size - 4);
            channel.read(trailer);
            long recorded = trailer.getInt(0) & 0xffffffffL;
            return recorded < 1L << 31 ? recorded : -1;
        }
    }

    private static boolean gzipped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static DataException truncated(Path file, int[] dims, long expected, long held) {
        return new DataException(file + ": truncated: the header promises " + expected + " values " + Arrays.toString(dims)
                + " but the file holds " + held + "; nothing was allocated for them. Fix: replace it with a complete copy of the file.");
    }

    private static DataException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file + ": no such file.", e);
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return new DataException(file + ": gzip data is corrupt or truncated (" + (e.getMessage() == null ? "it ends early"
                    : e.getMessage()) + "). Fix: replace it with a complete copy of the file.", e);
        }
        return new DataException(file + ": cannot be read: " + e.getMessage(), e);
    }

    /** The file's bytes, inflated as they are read when it is gzipped. */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return raw;
    }
}
