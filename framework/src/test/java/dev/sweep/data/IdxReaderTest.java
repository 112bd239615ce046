package dev.sweep.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** A folder of four IDX files: 3 training and 2 test images of 2x2 pixels. */
    Path dataset(boolean gzipped) throws IOException {
        write("train-images-idx3-ubyte", idx(new int[]{3, 2, 2}, new byte[12]), gzipped);
        write("train-labels-idx1-ubyte", idx(new int[]{3}, new byte[]{0, 1, 2}), gzipped);
        write("t10k-images-idx3-ubyte", idx(new int[]{2, 2, 2}, new byte[8]), gzipped);
        write("t10k-labels-idx1-ubyte", idx(new int[]{2}, new byte[]{2, 1}), gzipped);
        return dir;
    }

    private void write(String name, byte[] raw, boolean gzipped) throws IOException {
        Files.write(dir.resolve(gzipped ? name + ".gz" : name), gzipped ? gzip(raw) : raw);
    }

    @Test
    void rawAndGzippedFilesReadTheSame() throws IOException {
        byte[] pixels = {1, 2, 3, 4, 5, 6, 7, 8};
        Files.write(dir.resolve("raw"), idx(new int[]{2, 2, 2}, pixels));
        Files.write(dir.resolve("packed"), gzip(idx(new int[]{2, 2, 2}, pixels)));
        IdxArray raw = IdxReader.read(dir.resolve("raw"));
        assertThat(raw.dimensions()).containsExactly(2, 2, 2);
        assertThat(raw.data()).isEqualTo(pixels);
        assertThat(IdxReader.read(dir.resolve("packed")).data()).isEqualTo(pixels);
    }

    @Test
    void aFolderOfGzippedFilesLoadsAsADataset() throws IOException {
        IdxDataset data = IdxDataset.load(dataset(true));
        assertThat(data.train().count()).isEqualTo(3);
        assertThat(data.test().labels()).containsExactly(2, 1);
        assertThat(data.classes()).isEqualTo(3);
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello, this is text");
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("notes.txt"))).isInstanceOf(DataException.class)
                .hasMessageContaining("notes.txt: not an IDX file (magic number starts 0x6865");
    }

    @Test
    void truncatedFileSaysHowMuchIsMissing() throws IOException {
        byte[] full = idx(new int[]{4, 2, 2}, new byte[16]);
        Files.write(dir.resolve("cut"), Arrays.copyOf(full, full.length - 5));
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("cut"))).isInstanceOf(DataException.class)
                .hasMessageContaining("cut: truncated: the header promises 16 values [4, 2, 2] but the file holds 11");
    }

    @Test
    void truncatedGzipIsReportedAsCorrupt() throws IOException {
        byte[] packed = gzip(idx(new int[]{100}, new byte[100]));
        Files.write(dir.resolve("cut.gz"), Arrays.copyOf(packed, packed.length / 2));
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("cut.gz"))).isInstanceOf(DataException.class)
                .hasMessageContaining("cut.gz: gzip data is corrupt or truncated");
    }

    /** A gzip of a few hundred bytes whose header declares a million images: refused from its trailer, before inflating. */
    @Test
    void aGzipThatHoldsFarFewerValuesThanItsHeaderDeclaresIsRefusedBeforeItsValuesAreAllocated() throws IOException {
        byte[] header = idx(new int[]{1_000_000, 28, 28}, new byte[0]);
        byte[] content = Arrays.copyOf(header, header.length + 1000);
        Files.write(dir.resolve("huge.gz"), gzip(content));
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("huge.gz"))).isInstanceOf(DataException.class)
                .hasMessageContaining("huge.gz: gzip data is corrupt or truncated: it records 1016 bytes inflated, and the header "
                        + "promises 784000000 values [1000000, 28, 28]; nothing was allocated for them");
    }

    @Test
    void imagesAndLabelsWhoseHeadersDisagreeAreRefusedBeforeTheImagesAreRead() throws IOException {
        dataset(false);
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(new int[]{1_000_000, 28, 28}, new byte[0]));
        assertThatThrownBy(() -> IdxDataset.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("holds 1000000 images but").hasMessageContaining("holds 3 labels");
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRefused() throws IOException {
        dataset(false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[]{2}, new byte[]{0, 1}));
        assertThatThrownBy(() -> IdxDataset.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("holds 3 images but").hasMessageContaining("holds 2 labels");
    }

    @Test
    void aMissingFileIsNamedWithWhatTheFolderHolds() throws IOException {
        dataset(false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        assertThatThrownBy(() -> IdxDataset.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("no t10k-labels-idx1-ubyte file (raw or .gz)")
                .hasMessageContaining("t10k-images-idx3-ubyte, train-images-idx3-ubyte");
    }
}
