package dev.sweep.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The images format on real MNIST digits written out as PNG and JPEG class folders in the test. */
class ImagesFormatTest {
    private static final Path ROOT = Path.of(System.getProperty("sweep.data.dir"));
    private final ImagesFormat format = new ImagesFormat();

    @TempDir
    Path dir;

    /** MNIST's training images from..from+count as PNGs (or JPEGs) in {@code folder/<label>/<index>.<type>}. */
    static void writeDigits(Path folder, int from, int count, String type) throws IOException {
        ImageSet train = new MnistFormat().load(Map.of(), ROOT, m -> { }).train();
        for (int i = from; i < from + count; i++) {
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, 28, 28, java.util.Arrays.copyOfRange(train.pixels(), i * 784, (i + 1) * 784));
            Path file = Files.createDirectories(folder.resolve(String.valueOf(train.labels()[i]))).resolve(String.format("%05d.%s", i, type));
            ImageIO.write(image, type, file.toFile());
        }
    }

    private IdxDataset load(Map<String, Object> given, List<String> said) {
        Map<String, Object> settings = new LinkedHashMap<>();
        format.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        settings.put("dir", "pictures");
        settings.putAll(given);
        List<DatasetFormat.Problem> problems = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(settings, dir, problems);
        assertThat(problems).isEmpty();
        return format.load(resolved, ROOT, said::add);
    }

    @Test
    void pngClassFoldersLoadAsTheSameDigitsAndTheSecondLoadReadsTheCache() throws IOException {
        writeDigits(dir.resolve("pictures/train"), 0, 300, "png");
        writeDigits(dir.resolve("pictures/test"), 300, 100, "png");
        List<String> said = new ArrayList<>();
        IdxDataset first = load(Map.of(), said);
        assertThat(first.classes()).isEqualTo(10);
        assertThat(first.train().count()).isEqualTo(300);
        assertThat(first.test().count()).isEqualTo(100);
        assertThat(said).anyMatch(s -> s.startsWith("sweep: decoded 400 pictures"));
        // PNG is lossless and the size is MNIST's: the pixels come back exactly, shuffled so that every class is spread.
        ImageSet mnist = new MnistFormat().load(Map.of(), ROOT, m -> { }).train();
        java.util.Set<String> written = new java.util.HashSet<>();
        for (int i = 0; i < 300; i++) {
            written.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(mnist.pixels(), i * 784, (i + 1) * 784)));
        }
        for (int i = 0; i < first.train().count(); i++) {
            assertThat(written).contains(java.util.Arrays.toString(java.util.Arrays.copyOfRange(first.train().pixels(), i * 784, (i + 1) * 784)));
        }
        int[] lastHundred = first.train().slice(200, 300).labelCounts(10);
        assertThat(java.util.Arrays.stream(lastHundred).min().orElse(0)).as("the last training images, where validation comes from, hold every class").isPositive();
        List<String> again = new ArrayList<>();
        IdxDataset cached = load(Map.of(), again);
        assertThat(again).as("read from the cache, nothing decoded").noneMatch(s -> s.startsWith("sweep: decoded"));
        assertThat(cached.train().pixels()).isEqualTo(first.train().pixels());
        assertThat(cached.test().labels()).isEqualTo(first.test().labels());

        Path changed;
        try (Stream<Path> files = Files.walk(dir.resolve("pictures/train/3"))) {
            changed = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> afterChange = new ArrayList<>();
        load(Map.of(), afterChange);
        assertThat(afterChange).as("a changed file is decoded again").anyMatch(s -> s.startsWith("sweep: decoded 400 pictures"));
    }

    @Test
    void withoutATestFolderAStratifiedSplitMakesOneAndJpegsOfAnySizeAreResized() throws IOException {
        writeDigits(dir.resolve("pictures/train"), 0, 200, "jpg");
        BufferedImage large = new BufferedImage(56, 40, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(large, "png", dir.resolve("pictures/train/0/large.png").toFile());
        IdxDataset data = load(Map.of("height", 16, "width", 20), new ArrayList<>());
        assertThat(data.train().rows()).isEqualTo(16);
        assertThat(data.train().cols()).isEqualTo(20);
        assertThat(data.train().count() + data.test().count()).isEqualTo(201);
        assertThat(data.test().count()).isBetween(35, 45);
    }

    @Test
    void everyBadFileOrFolderIsNamedWithItsFix() throws IOException {
        writeDigits(dir.resolve("pictures/train"), 0, 60, "png");
        Path notes = Files.writeString(dir.resolve("pictures/train/1/notes.txt"), "not a picture");
        assertThatThrownBy(() -> load(Map.of(), new ArrayList<>())).isInstanceOf(DataException.class)
                .hasMessage(notes + " is not a picture ImageIO can read (PNG, JPEG, GIF, BMP). Fix: convert or remove it, or set on_bad_file: skip.");
        List<String> said = new ArrayList<>();
        assertThat(load(Map.of("on_bad_file", "skip"), said).train().count() + 0).isPositive();
        assertThat(said).contains("sweep: skipped 1 of 61 files (on_bad_file: skip)");
        Files.delete(notes);

        Path empty = Files.createFile(dir.resolve("pictures/train/2/empty.png"));
        assertThatThrownBy(() -> load(Map.of(), new ArrayList<>())).hasMessageStartingWith(empty + " is empty (0 bytes). Fix:");
        Files.delete(empty);

        Path jpeg = dir.resolve("pictures/train/4/whole.jpg");
        BufferedImage photo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                photo.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | (x + y));
            }
        }
        ImageIO.write(photo, "jpg", jpeg.toFile());
        byte[] bytes = Files.readAllBytes(jpeg);
        Files.delete(jpeg);
        // Cut in its header, the decoder fails; cut in its pixels, it only warns and fills grey: both are refused.
        for (int keep : new int[]{bytes.length / 8, bytes.length * 9 / 10}) {
            Path truncated = Files.write(dir.resolve("pictures/train/4/truncated.jpg"), java.util.Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> load(Map.of(), new ArrayList<>())).as("%d of %d bytes", keep, bytes.length)
                    .hasMessageStartingWith(truncated + " is truncated or damaged (").hasMessageContaining("Fix:");
            Files.delete(truncated);
        }

        Files.createDirectories(dir.resolve("pictures/train/9-empty"));
        assertThatThrownBy(() -> load(Map.of(), new ArrayList<>()))
                .hasMessage(dir.resolve("pictures/train/9-empty").toAbsolutePath() + ": the class folder is empty. Fix: add its pictures, or remove the folder.");
        Files.delete(dir.resolve("pictures/train/9-empty"));

        writeDigits(dir.resolve("pictures/test"), 60, 10, "png");
        Files.createDirectories(dir.resolve("pictures/test/cats"));
        assertThatThrownBy(() -> load(Map.of(), new ArrayList<>()))
                .hasMessageContaining("class 'cats' is not among the training classes (0, 1, 2, 3, 4, 5, 6, 7, 8, 9). Fix: add it under train/ too");

        List<DatasetFormat.Problem> problems = new ArrayList<>();
        format.resolve(Map.of("dir", "nowhere"), dir, problems);
        assertThat(problems).extracting(DatasetFormat.Problem::message)
                .containsExactly("dir 'nowhere' has no train/ folder (looked for " + dir.resolve("nowhere/train") + ")");
    }

    /** {@code count} 12x12 pictures per colour: a square of that colour, centred on black. */
    private static void writeSquares(Path train, Map<String, Integer> colours, int count) throws IOException {
        for (var colour : colours.entrySet()) {
            Path folder = Files.createDirectories(train.resolve(colour.getKey()));
            for (int i = 0; i < count; i++) {
                BufferedImage image = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
                for (int y = 3; y < 9; y++) {
                    for (int x = 3; x < 9; x++) {
                        image.setRGB(x, y, colour.getValue());
                    }
                }
                ImageIO.write(image, "png", folder.resolve(i + ".png").toFile());
            }
        }
    }

    @Test
    void colourPicturesLoadAsRedGreenAndBluePlanesAndShipAsTheirCacheAlone() throws IOException {
        writeSquares(dir.resolve("pictures/train"), Map.of("red", 0xFF0000, "green", 0x00FF00), 20);
        Map<String, Object> settings = new LinkedHashMap<>();
        format.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        settings.putAll(Map.of("dir", "pictures", "height", 8, "width", 8, "channels", 3));
        List<DatasetFormat.Problem> problems = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(settings, dir, problems);
        assertThat(problems).isEmpty();
        IdxDataset data = format.load(resolved, ROOT, m -> { });
        assertThat(data.classNames()).containsExactly("green", "red");
        ImageSet train = data.train();
        assertThat(train.channels()).isEqualTo(3);
        assertThat(train.pixelsPerImage()).isEqualTo(3 * 64);
        int centre = 4 * 8 + 4;
        for (int i = 0; i < train.count(); i++) {
            int red = train.pixels()[i * 192 + centre] & 0xff;
            int green = train.pixels()[i * 192 + 64 + centre] & 0xff;
            int blue = train.pixels()[i * 192 + 128 + centre] & 0xff;
            assertThat(blue).isZero();
            assertThat(train.labels()[i] == 1 ? red : green).as("picture %d's own colour", i).isGreaterThan(240);
            assertThat(train.labels()[i] == 1 ? green : red).isLessThan(15);
        }

        DatasetShipment shipment = format.shipment(resolved, ROOT, m -> { }).orElseThrow();
        assertThat(shipment.files()).singleElement().asString().endsWith(".bin");
        Path arrived = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(Path.of(shipment.files().get(0)), arrived.resolve(Path.of(shipment.files().get(0)).getFileName()));
        try (Stream<Path> files = Files.walk(dir.resolve("pictures"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        var original = new dev.sweep.config.DatasetSpec(ImagesFormat.NAME, resolved, null, 8);
        var copy = shipment.arrivedAt(arrived, original);
        assertThat(copy.validation()).isEqualTo(8);
        IdxDataset shipped = format.load(copy.settings(), ROOT, m -> { });
        assertThat(shipped.classNames()).containsExactly("green", "red");
        assertThat(shipped.train().pixels()).as("the pictures are gone; their cache holds them").isEqualTo(train.pixels());
        assertThat(shipped.test().labels()).isEqualTo(data.test().labels());
    }

    /** A PNG of a signature, a header chunk declaring the size, and the end chunk: a few dozen bytes. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        java.io.DataOutputStream out = new java.io.DataOutputStream(png);
        out.writeInt(data.length);
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void aPictureDeclaringMoreThanSixtyFourMegapixelsIsRefusedForItsSizeBeforeItIsDecoded() throws IOException {
        writeDigits(dir.resolve("pictures/train"), 0, 20, "png");
        Files.write(Files.createDirectories(dir.resolve("pictures/train/3")).resolve("huge.png"), pngHeaderOnly(46000, 46000));
        assertThatThrownBy(() -> load(Map.of(), new ArrayList<>())).isInstanceOf(DataException.class)
                .hasMessageContaining("huge.png: a picture of 46000x46000 pixels, more than the 64 megapixels Sweep decodes")
                .hasMessageNotContaining("damaged");
    }

    /** A cache file's start, as the images format writes it, with the first set's counts given and then {@code bytes} zeros. */
    private Path cacheFile(String name, int count, int rows, int cols, int channels, int bytes) throws IOException {
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(content)) {
            out.writeUTF(ImagesFormat.MAGIC);
            out.writeInt(2);
            out.writeUTF("cats");
            out.writeUTF("dogs");
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.writeInt(channels);
            out.write(new byte[bytes]);
        }
        return Files.write(dir.resolve(name), content.toByteArray());
    }

    private String refusal(Path cache) {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> format.load(Map.of("cache", cache.toString()), ROOT, m -> { }));
        assertThat(e).isInstanceOf(DataException.class);
        assertThat(e.getMessage()).startsWith(cache + " is not a file of decoded pictures this Sweep reads (").doesNotContain("null");
        return e.getMessage();
    }

    @Test
    void aCacheFileIsCheckedAgainstItsOwnSizeAndTheFormatsLimitsBeforeMemoryIsTakenForIt() throws IOException {
        assertThat(refusal(cacheFile("count.bin", Integer.MAX_VALUE, 28, 28, 1, 100)))
                .contains("it declares 2,147,483,647 pictures of 28x28x1, 1,685,774,662,895 bytes, but holds 100 more");
        assertThat(refusal(cacheFile("side.bin", 1, 30000, 30000, 1, 100)))
                .contains("it declares 1 pictures of 30000x30000x1, outside what the images format makes");
        Path cut = Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(Files.readAllBytes(cacheFile("whole.bin", 0, 28, 28, 1, 0)), 20));
        assertThat(refusal(cut)).contains("it ends early, after 20 bytes");
    }
}
