package dev.sweep.data;

import dev.sweep.space.ParameterDeclaration;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code format: csv, file: train.csv}: Kaggle's "Digit Recognizer" form, a header, then one image per row: a label
 * column and one column per pixel (0-255, row by row), grey; with {@code channels: 3}, all the red pixels, then the
 * green, then the blue, as CIFAR-10's CSV copies lay them out. The test images come from {@code test_file}, a second
 * labelled file, or else from a stratified split of {@code file} that is the same on every run.
 */
public final class CsvFormat implements DatasetFormat {
    public static final String NAME = "csv";
    static final String FILE = "file";
    static final String TEST_FILE = "test_file";
    static final String LABEL = "label";
    static final String HEIGHT = "height";
    static final String WIDTH = "width";
    static final String CHANNELS = "channels";
    static final String TEST_FRACTION = "test_fraction";
    private static final int MAX_CLASSES = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a CSV file with a header, a label column and one column per pixel (0-255), as Kaggle's Digit Recognizer";
    }

    @Override
    public List<ParameterDeclaration> settings() {
        return List.of(ParameterDeclaration.textParam(FILE, null, "the labelled CSV file, absolute or relative to the sweep file"),
                ParameterDeclaration.textParam(TEST_FILE, null, "a second labelled CSV file of test images; without it, a split of file"),
                ParameterDeclaration.textParam(LABEL, "label", "the header of the label column"),
                ParameterDeclaration.intParam(HEIGHT, 0, 0, 4096, "image height in pixels; 0: a square, from the pixel columns"),
                ParameterDeclaration.intParam(WIDTH, 0, 0, 4096, "image width in pixels; 0: a square, from the pixel columns"),
                ParameterDeclaration.intParam(CHANNELS, 1, 1, 3, "1: grey; 3: colour, the red plane's columns, then green's, then blue's"),
                ParameterDeclaration.floatParam(TEST_FRACTION, 0.2, 0.01, 0.9,
                        "without test_file: the share of each class's rows kept apart as test images"));
    }

    @Override
    public Map<String, Object> resolve(Map<String, Object> settings, Path base, List<Problem> problems) {
        Map<String, Object> resolved = new LinkedHashMap<>(settings);
        if (settings.get(FILE) == null) {
            problems.add(new Problem(null, "a csv dataset needs its file", "add file: PATH, the labelled CSV file"));
        }
        for (String key : List.of(FILE, TEST_FILE)) {
            Object value = settings.get(key);
            if (value == null) {
                continue;
            }
            Path path = base.resolve(value.toString()).normalize();
            if (!Files.isRegularFile(path)) {
                problems.add(new Problem(key, key + " '" + value + "' is not a file (looked for " + path + ")",
                        "give the CSV file, absolute or relative to the sweep file's folder"));
            }
            resolved.put(key, path.toAbsolutePath().toString());
        }
        int height = ((Number) settings.getOrDefault(HEIGHT, 0)).intValue();
        int width = ((Number) settings.getOrDefault(WIDTH, 0)).intValue();
        if ((height == 0) != (width == 0)) {
            problems.add(new Problem(height == 0 ? HEIGHT : WIDTH, "height and width are given together, or neither",
                    "give both (e.g. height: 28, width: 28), or neither for square images"));
        }
        if (channels(settings) == 2) {
            problems.add(new Problem(CHANNELS, "channels is 2", "use 1 for grey or 3 for colour (red, green, blue planes)"));
        }
        return resolved;
    }

    @Override
    public Optional<DatasetShipment> shipment(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        Map<String, Object> arrived = new LinkedHashMap<>(settings);
        List<String> files = new java.util.ArrayList<>();
        List<String> paths = new java.util.ArrayList<>();
        for (String key : List.of(FILE, TEST_FILE)) {
            if (settings.get(key) != null) {
                Path file = Path.of(settings.get(key).toString());
                files.add(file.toAbsolutePath().toString());
                arrived.put(key, file.getFileName().toString());
                paths.add(key);
            }
        }
        return Optional.of(new DatasetShipment(files, NAME, arrived, paths));
    }

    @Override
    public IdxDataset load(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        Path file = Path.of(settings.get(FILE).toString());
        String label = String.valueOf(settings.getOrDefault(LABEL, "label"));
        int height = ((Number) settings.getOrDefault(HEIGHT, 0)).intValue();
        int width = ((Number) settings.getOrDefault(WIDTH, 0)).intValue();
        int channels = channels(settings);
        ImageRows train = read(file, label, height, width, channels);
        ImageRows test;
        Object testFile = settings.get(TEST_FILE);
        if (testFile != null) {
            test = read(Path.of(testFile.toString()), label, train.rows(), train.cols(), channels);
        } else {
            double fraction = ((Number) settings.getOrDefault(TEST_FRACTION, 0.2)).doubleValue();
            ImageRows[] split = train.split(fraction);
            if (split[1].size() == 0) {
                throw new DataException(file + ": " + train.size() + " rows leave no test images at test_fraction " + fraction
                        + ". Fix: give more rows, a larger test_fraction, or a test_file.");
            }
            train = split[0];
            test = split[1];
        }
        int classes = train.classes();
        for (int testLabel : test.labels()) {
            if (testLabel >= classes) {
                throw new DataException((testFile == null ? file : testFile) + ": test label " + testLabel
                        + " never occurs among the training rows (labels 0.." + (classes - 1) + "). Fix: use test rows of the "
                        + "training file's classes.");
            }
        }
        return new IdxDataset(file.getParent(), train.images(), test.images(), classes);
    }

    private static int channels(Map<String, Object> settings) {
        return ((Number) settings.getOrDefault(CHANNELS, 1)).intValue();
    }

    private static ImageRows read(Path file, String label, int height, int width, int channels) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            int labelColumn = header.indexOf(label);
            if (labelColumn < 0) {
                throw new DataException(file + ": no column '" + label + "' in the header (" + shortList(header)
                        + "). Fix: set dataset.label to the label column's header, or add a header line.");
            }
            if (header.lastIndexOf(label) != labelColumn) {
                throw new DataException(file + ":1: the header names '" + label + "' twice, columns " + (labelColumn + 1) + " and "
                        + (header.lastIndexOf(label) + 1) + ", so which one holds the labels is unclear. Fix: rename the other one.");
            }
            int pixels = header.size() - 1;
            int rows = height > 0 ? height : (int) Math.round(Math.sqrt(pixels / (double) channels));
            int cols = width > 0 ? width : rows;
            if (rows * cols * channels != pixels) {
                throw new DataException(file + ": " + pixels + " pixel columns do not make " + (height > 0 ? "a " + rows + "x" + cols
                        : "a square") + " image" + (channels > 1 ? " of " + channels + " channels" : "")
                        + ". Fix: set dataset.height and dataset.width to the images' size" + (channels > 1 ? "" : ", or channels: 3 for colour") + ".");
            }
            ImageRows images = new ImageRows(rows, cols, channels);
            java.util.Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException e) {
                    if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                        throw notText(file, e);
                    }
                    throw e;
                }
                long line = record.getRecordNumber() + 1; // the header is line 1
                if (record.size() != header.size()) {
                    throw new DataException(file + ":" + line + ": " + record.size() + " values, expected " + header.size()
                            + " (a label and " + pixels + " pixels). Fix: complete or remove the row.");
                }
                int labelValue = labelOf(file, line, record.get(labelColumn));
                byte[] image = new byte[pixels];
                int p = 0;
                for (int c = 0; c < record.size(); c++) {
                    if (c != labelColumn) {
                        image[p++] = (byte) pixelOf(file, line, header.get(c), record.get(c));
                    }
                }
                images.add(image, labelValue);
            }
            if (images.size() == 0) {
                throw new DataException(file + ": no rows after the header. Fix: give a file with one image per row.");
            }
            return images;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notText(file, e);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw notText(file, e);
            }
            throw new DataException(file + ": cannot read it as CSV: " + e.getMessage() + ". Fix: give a comma-separated file "
                    + "with a header line.", e);
        }
    }

    /** The reader decodes ahead of the parser, so the line is found again from the bytes. */
    private static DataException notText(Path file, Exception e) {
        return new DataException(file + ":" + firstLineNotUtf8(file) + ": bytes that are not UTF-8 text. Fix: save the file as "
                + "UTF-8 (or plain ASCII), e.g. iconv -f latin1 -t utf-8 " + file.getFileName() + " > fixed.csv", e);
    }

    /** The line of the first bytes that do not decode as UTF-8, from 1; 0 if there are none or the file cannot be read. */
    static long firstLineNotUtf8(Path file) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT).onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 16);
        long line = 1;
        try (java.nio.channels.ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                java.nio.charset.CoderResult result = decoder.decode(in, out, end);
                out.flip();
                while (out.hasRemaining()) {
                    line += out.get() == '\n' ? 1 : 0;
                }
                out.clear();
                if (result.isError()) {
                    return line;
                }
                in.compact();
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static int labelOf(Path file, long line, String text) {
        int label;
        try {
            label = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DataException(file + ":" + line + ": label '" + text + "' is not a whole number. Fix: number the classes "
                    + "0, 1, 2, ...");
        }
        if (label < 0 || label >= MAX_CLASSES) {
            throw new DataException(file + ":" + line + ": label " + label + " is out of range 0.." + (MAX_CLASSES - 1)
                    + ". Fix: number the classes 0, 1, 2, ...");
        }
        return label;
    }

    private static int pixelOf(Path file, long line, String column, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataException(file + ":" + line + ": pixel " + column + " is '" + text + "', not a number. Fix: pixels "
                    + "are 0-255.");
        }
        if (!(value >= 0 && value <= 255) || value != Math.rint(value)) {
            throw new DataException(file + ":" + line + ": pixel " + column + " is " + text + ", outside 0-255. Fix: pixels are "
                    + "whole numbers 0-255.");
        }
        return (int) value;
    }

    private static String shortList(List<String> header) {
        return header.size() <= 6 ? String.join(", ", header) : String.join(", ", header.subList(0, 5)) + ", ... ("
                + header.size() + " columns)";
    }
}
