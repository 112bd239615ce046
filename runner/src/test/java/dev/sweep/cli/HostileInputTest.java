package dev.sweep.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files made to crash, hang or take over Sweep (crafted model zips, decompression bombs) and inputs that once ended
 * in a stack trace: each is one clear error with exit code 2, and nothing stored changes.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    private static Path model;
    private static Path data;

    private static String db() {
        return dir.resolve("experiments").toString();
    }

    @BeforeAll
    static void aSmallTrainedModel() throws IOException {
        data = BadInputTest.dataset(dir.resolve("idx"), 300, 50, 28);
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, """
                name: small
                dataset: {idx_dir: idx, validation: 100}
                architecture: mlp
                strategy: {type: random, trials: 1}
                parameters:
                  units: 16
                """);
        Cli run = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        model = dir.resolve("best.zip");
        Cli export = Cli.run("export", "--sweep", "small", "--out", model.toString(), "--db", db());
        assertThat(export.exitCode()).as(export.toString()).isZero();
    }

    /** The exported model's entries, plus one more. */
    private static Path modelWith(String name, String extraEntry, byte[] extraBytes) throws IOException {
        Path crafted = dir.resolve(name);
        try (ZipFile original = new ZipFile(model.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(crafted))) {
            for (Enumeration<? extends ZipEntry> e = original.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                original.getInputStream(entry).transferTo(out);
            }
            out.putNextEntry(new ZipEntry(extraEntry));
            out.write(extraBytes);
        }
        return crafted;
    }

    @Test
    void aModelZipWithAnEntrySweepNeverWritesIsRefusedBeforeDl4jDeserializesIt() throws IOException {
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(new java.util.Date(0));
        }
        Path crafted = modelWith("crafted.zip", "preprocessor.bin", serialized.toByteArray());
        for (String[] command : new String[][]{{"evaluate", crafted.toString(), "--data", data.toString()},
                {"predict", crafted.toString(), data.resolve("t10k-images-idx3-ubyte").toString()}}) {
            Cli cli = Cli.run(command);
            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
            assertThat(cli.err()).contains(crafted + " was refused").contains("'preprocessor.bin' that Sweep never writes")
                    .contains("Fix: give a model written by ./sweep export").doesNotContain("Exception");
        }
    }

    @Test
    void aZipBombIsRefusedByWhatItInflatesTo() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry("configuration.json"));
            out.write("{}".getBytes());
            out.putNextEntry(new ZipEntry("coefficients.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1100; i++) {
                out.write(zeros);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(5L << 20);
        Cli cli = Cli.run("evaluate", bomb.toString(), "--data", data.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).contains("'coefficients.bin' inflates past 1024 MiB").doesNotContain("(null)");
    }

    @Test
    void aPictureDeclaringThirtyThousandPixelsASideIsRefusedBeforeItIsDecoded() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        byte[] bytes = png.toByteArray();
        // IHDR is the first chunk: length (4), type (4) at byte 8, then width and height, then its CRC.
        ByteBuffer.wrap(bytes, 16, 8).putInt(30_000).putInt(30_000);
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
        Path picture = dir.resolve("huge.png");
        Files.write(picture, bytes);

        Cli cli = Cli.run("predict", model.toString(), picture.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).contains("huge.png: a picture of 30000x30000 pixels").contains("Fix: scale it down");
    }

    @Test
    void aGzippedIdxFileIsReadNoFurtherThanItsHeaderAllows() throws IOException {
        Path declaresGigabytes = dir.resolve("huge-images-idx3-ubyte.gz");
        writeGzip(declaresGigabytes, BadInputTest.idx(0x08, new int[]{100_000, 200, 200}, new byte[0]), 0);
        Cli huge = Cli.run("predict", model.toString(), declaresGigabytes.toString());
        assertThat(huge.exitCode()).as(huge.toString()).isEqualTo(2);
        assertThat(huge.err()).contains("declares 4,000,000,000 values").contains("nothing was allocated");

        Path inflatesForever = dir.resolve("long-images-idx3-ubyte.gz");
        writeGzip(inflatesForever, BadInputTest.images(10, 28), 300L << 20);
        Cli bomb = Cli.run("predict", model.toString(), inflatesForever.toString());
        assertThat(bomb.exitCode()).as(bomb.toString()).isEqualTo(2);
        assertThat(bomb.err()).contains("more than 1 MiB of bytes beyond the 7840 values");
    }

    private static void writeGzip(Path file, byte[] start, long zerosAfter) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(start);
            byte[] zeros = new byte[1 << 20];
            for (long left = zerosAfter; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
        }
    }

    @Test
    void evaluatingAModelOnImagesOfAnotherSizeNamesBothSizes() throws IOException {
        Path small = BadInputTest.dataset(dir.resolve("idx20"), 30, 20, 20);
        Cli cli = Cli.run("evaluate", model.toString(), "--data", small.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).contains("reads 28x28x1 images (height, width, channels), and the test images of " + small + " are 20x20x1")
                .contains("Fix: evaluate it on data like the data it was trained on").doesNotContain("\tat ");
    }

    @Test
    void malformedFlagsAreMessagesNotStackTraces() throws IOException {
        Cli where = Cli.run("leaderboard", "--where", "val_accuracy > 1.2.3", "--db", db());
        assertThat(where.exitCode()).as(where.toString()).isEqualTo(2);
        assertThat(where.err()).contains("'1.2.3' at position 16 is not a number").doesNotContain("\tat ");

        Cli limit = Cli.run("predict", model.toString(), data.resolve("t10k-images-idx3-ubyte").toString(), "--limit", "0");
        assertThat(limit.exitCode()).as(limit.toString()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit is at least 1");

        Cli device = Cli.run("export", "--sweep", "small", "--out", "/dev/full", "--force", "--db", db());
        assertThat(device.exitCode()).as(device.toString()).isEqualTo(2);
        assertThat(device.err()).contains("/dev/full is not a regular file");

        Path folder = Files.createDirectories(dir.resolve("exports"));
        Cli intoFolder = Cli.run("export", "--sweep", "small", "--out", folder.toString(), "--force", "--db", db());
        assertThat(intoFolder.exitCode()).as(intoFolder.toString()).isEqualTo(2);
        assertThat(intoFolder.err()).contains("is a folder").contains(folder.resolve("best.zip").toString());
        assertThat(folder.toFile().list()).isEmpty();
    }
}
