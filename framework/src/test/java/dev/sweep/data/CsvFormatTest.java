package dev.sweep.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The csv format on files written from real MNIST images, as Kaggle's Digit Recognizer lays them out. */
class CsvFormatTest {
    private static final Path ROOT = Path.of(System.getProperty("sweep.data.dir"));
    private final CsvFormat format = new CsvFormat();

    @TempDir
    Path dir;

    /** The first {@code count} MNIST training images as a CSV: a header, then label, pixel0, ..., pixel783. */
    static Path mnistCsv(Path file, int from, int count) throws IOException {
        ImageSet train = new MnistFormat().load(Map.of(), ROOT, m -> { }).train();
        StringBuilder csv = new StringBuilder("label");
        for (int p = 0; p < 784; p++) {
            csv.append(",pixel").append(p);
        }
        csv.append('\n');
        for (int i = from; i < from + count; i++) {
            csv.append(train.labels()[i]);
            for (int p = 0; p < 784; p++) {
                csv.append(',').append(train.pixels()[i * 784 + p] & 0xff);
            }
            csv.append('\n');
        }
        return Files.writeString(file, csv);
    }

    private IdxDataset load(Map<String, Object> given) {
        Map<String, Object> settings = new LinkedHashMap<>();
        format.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        settings.putAll(given);
        List<DatasetFormat.Problem> problems = new ArrayList<>();
        Map<String, Object> resolved = format.resolve(settings, dir, problems);
        assertThat(problems).isEmpty();
        return format.load(resolved, ROOT, m -> { });
    }

    @Test
    void aKaggleStyleFileLoadsAsTheSameImagesWithAStratifiedTestSplit() throws IOException {
        mnistCsv(dir.resolve("train.csv"), 0, 500);
        IdxDataset data = load(Map.of("file", "train.csv"));
        ImageSet mnist = new MnistFormat().load(Map.of(), ROOT, m -> { }).train();
        assertThat(data.train().count() + data.test().count()).isEqualTo(500);
        assertThat(data.test().count()).isBetween(90, 110);
        assertThat(data.classes()).isEqualTo(10);
        assertThat(data.train().rows()).isEqualTo(28);
        int[] all = mnist.slice(0, 500).labelCounts(10);
        int[] test = data.test().labelCounts(10);
        for (int c = 0; c < 10; c++) {
            assertThat(test[c]).as("class %d: a fifth of its %d rows", c, all[c]).isCloseTo((int) Math.round(0.2 * all[c]),
                    org.assertj.core.data.Offset.offset(1));
        }
        // The split keeps the file's order: the first training row is MNIST's first image not held out for testing.
        assertThat(load(Map.of("file", "train.csv")).test().labels()).as("the same split every time").containsExactly(data.test().labels());
    }

    @Test
    void aTestFileGivesTheTestImages() throws IOException {
        mnistCsv(dir.resolve("train.csv"), 0, 300);
        mnistCsv(dir.resolve("test.csv"), 300, 100);
        IdxDataset data = load(Map.of("file", "train.csv", "test_file", "test.csv"));
        assertThat(data.train().count()).isEqualTo(300);
        assertThat(data.test().count()).isEqualTo(100);
    }

    @Test
    void everyBadRowIsNamedByItsFileAndLineWithTheFix() throws IOException {
        Path good = mnistCsv(dir.resolve("good.csv"), 0, 20);
        List<String> lines = Files.readAllLines(good);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("short.csv", lines.get(3).substring(0, lines.get(3).lastIndexOf(',')));
        cases.put("letter.csv", "x" + lines.get(3).substring(lines.get(3).indexOf(',')));
        cases.put("range.csv", "200" + lines.get(3).substring(lines.get(3).indexOf(',')));
        cases.put("pixel.csv", lines.get(3).substring(0, lines.get(3).lastIndexOf(',')) + ",300");
        Map<String, String> messages = Map.of("short.csv", ":4: 784 values, expected 785 (a label and 784 pixels). Fix:",
                "letter.csv", ":4: label 'x' is not a whole number. Fix:",
                "range.csv", ":4: label 200 is out of range 0..99. Fix:",
                "pixel.csv", ":4: pixel pixel783 is 300, outside 0-255. Fix:");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            List<String> broken = new ArrayList<>(lines);
            broken.set(3, c.getValue());
            Files.write(dir.resolve(c.getKey()), broken);
            assertThatThrownBy(() -> load(Map.of("file", c.getKey()))).as(c.getKey()).isInstanceOf(DataException.class)
                    .hasMessageStartingWith(dir.resolve(c.getKey()).toAbsolutePath().toString())
                    .hasMessageContaining(messages.get(c.getKey()));
        }
        Files.writeString(dir.resolve("header.csv"), lines.get(0) + "\n");
        assertThatThrownBy(() -> load(Map.of("file", "header.csv"))).hasMessageContaining("no rows after the header. Fix:");
        List<String> renamed = new ArrayList<>(lines);
        renamed.set(0, lines.get(0).replace("label", "digit"));
        Files.write(dir.resolve("unlabelled.csv"), renamed);
        assertThatThrownBy(() -> load(Map.of("file", "unlabelled.csv")))
                .hasMessageContaining("no column 'label' in the header (digit, pixel0, pixel1, pixel2, pixel3, ... (785 columns)). Fix: set dataset.label");
        IdxDataset renamedLoads = load(Map.of("file", "unlabelled.csv", "label", "digit"));
        assertThat(renamedLoads.train().count() + renamedLoads.test().count()).isEqualTo(20);
        List<String> narrow = lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        Files.write(dir.resolve("narrow.csv"), narrow);
        assertThatThrownBy(() -> load(Map.of("file", "narrow.csv")))
                .hasMessageContaining("783 pixel columns do not make a square image. Fix: set dataset.height and dataset.width");
        assertThat(load(Map.of("file", "narrow.csv", "height", 27, "width", 29)).train().cols()).isEqualTo(29);

        List<DatasetFormat.Problem> problems = new ArrayList<>();
        format.resolve(Map.of("file", "missing.csv", "height", 28, "width", 0), dir, problems);
        assertThat(problems).extracting(DatasetFormat.Problem::message).containsExactly(
                "file 'missing.csv' is not a file (looked for " + dir.resolve("missing.csv") + ")",
                "height and width are given together, or neither");
    }

    @Test
    void aColourFileReadsItsColumnsAsRedThenGreenThenBluePlanes() throws IOException {
        // 4x4 pictures, 48 pixel columns: class 0 all red, class 1 all blue, as CIFAR-10's CSV copies lay colour out.
        StringBuilder csv = new StringBuilder("label");
        for (int p = 0; p < 48; p++) {
            csv.append(",p").append(p);
        }
        csv.append('\n');
        for (int row = 0; row < 40; row++) {
            int label = row % 2;
            csv.append(label);
            for (int p = 0; p < 48; p++) {
                int plane = p / 16;
                csv.append(',').append(plane == (label == 0 ? 0 : 2) ? 200 + row : 0);
            }
            csv.append('\n');
        }
        Files.writeString(dir.resolve("colour.csv"), csv);
        IdxDataset data = load(Map.of("file", "colour.csv", "channels", 3));
        ImageSet train = data.train();
        assertThat(train.rows()).isEqualTo(4);
        assertThat(train.cols()).isEqualTo(4);
        assertThat(train.channels()).isEqualTo(3);
        for (int i = 0; i < train.count(); i++) {
            int red = train.pixels()[i * 48] & 0xff;
            int blue = train.pixels()[i * 48 + 32] & 0xff;
            assertThat(train.labels()[i] == 0 ? red : blue).as("image %d's own plane", i).isGreaterThanOrEqualTo(200);
            assertThat(train.labels()[i] == 0 ? blue : red).isZero();
        }
        assertThatThrownBy(() -> load(Map.of("file", "colour.csv", "channels", 1, "height", 5, "width", 5)))
                .isInstanceOf(DataException.class).hasMessageContaining("48 pixel columns do not make a 5x5 image")
                .hasMessageContaining("or channels: 3 for colour");
    }

    @Test
    void aHeaderThatNamesTheLabelColumnTwiceIsRefusedNamingBothColumns() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(mnistCsv(dir.resolve("good.csv"), 0, 20)));
        lines.set(0, lines.get(0).replace("pixel783", "label"));
        Files.write(dir.resolve("twice.csv"), lines);
        assertThatThrownBy(() -> load(Map.of("file", "twice.csv"))).isInstanceOf(DataException.class)
                .hasMessageContaining("twice.csv:1: the header names 'label' twice, columns 1 and 785").hasMessageContaining("Fix:");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirLine() throws IOException {
        byte[] good = Files.readAllBytes(mnistCsv(dir.resolve("good.csv"), 0, 20));
        String text = new String(good, java.nio.charset.StandardCharsets.US_ASCII);
        int fifthLine = 0;
        for (int n = 0; n < 4; n++) {
            fifthLine = text.indexOf('\n', fifthLine) + 1;
        }
        byte[] latin1 = good.clone();
        latin1[fifthLine + 1] = (byte) 0xe9; // the second character of line 5: an e acute in Latin-1
        Files.write(dir.resolve("latin1.csv"), latin1);
        assertThatThrownBy(() -> load(Map.of("file", "latin1.csv"))).isInstanceOf(DataException.class)
                .hasMessageContaining("latin1.csv:5: bytes that are not UTF-8 text. Fix: save the file as UTF-8");
    }
}
