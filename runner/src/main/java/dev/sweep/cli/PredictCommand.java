package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.data.DataException;
import dev.sweep.data.ImagesFormat;
import dev.sweep.data.DigitImages;
import dev.sweep.data.IdxArray;
import dev.sweep.data.IdxReader;
import dev.sweep.export.ModelExport;
import dev.sweep.train.Evaluator;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images with an exported model: pictures of one digit (PNG, JPEG, GIF, BMP; light or dark "
                + "background, any size: they are cropped, scaled and centred as MNIST's were) or IDX image files (every "
                + "image in them, raw or .gz).",
                "Prints each input's predicted class, its probability and the runners-up."})
final class PredictCommand implements Callable<Integer> {
    private static final int SIDE = 28;

    @Parameters(index = "0", paramLabel = "MODEL.zip", description = "a model written by ./sweep export")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "image files or IDX image files")
    List<Path> inputs;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "classes shown per input; default: ${DEFAULT-VALUE}")
    int top;

    @Option(names = "--limit", paramLabel = "N", description = "at most N images from each IDX file")
    Integer limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json; default: ${DEFAULT-VALUE}")
    String format;

    @Spec
    CommandSpec spec;

    private record Input(String name, float[] pixels) {
    }

    @Override
    public Integer call() throws IOException {
        Formats.require(format, "table", "csv", "json");
        if (top < 1 || top > 10) {
            throw new UserInputException("--top is 1 to 10, not " + top);
        }
        if (limit != null && limit < 1) {
            throw new UserInputException("--limit is at least 1 (images from each IDX file), not " + limit);
        }
        ModelExport.Loaded loaded = ExportedModels.load(model);
        JsonNode dataset = loaded.provenance().path("dataset");
        int[] shape = inputShape(dataset);
        // Digits are read as MNIST's were made (cropped to the ink, centred by mass); pictures for any other model are
        // read as its training data was: drawn whole on black, resized, grey or in colour.
        boolean digits = !dataset.path("format").asText("").equals(ImagesFormat.NAME)
                && shape[0] == SIDE && shape[1] == SIDE && shape[2] == 1;
        List<Input> images = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new UserInputException(input + ": no such file. Fix: give image files or IDX image files.");
            }
            if (looksLikeIdx(input)) {
                images.addAll(readIdx(input, shape));
            } else {
                images.add(new Input(input.toString(), digits ? DigitImages.read(input)
                        : ImagesFormat.picture(input, shape[0], shape[1], shape[2])));
            }
        }
        int size = shape[0] * shape[1] * shape[2];
        float[] batch = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i).pixels(), 0, batch, i * size, size);
        }
        float[] probabilities = Evaluator.probabilities(loaded.network(), Nd4j.create(batch, new long[]{images.size(), size}, 'c'),
                loaded.normalization());
        int classes = probabilities.length / images.size();
        List<String> names = classNames(loaded, classes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            rows.add(row(images.get(i).name(), probabilities, i * classes, names));
        }
        print(spec.commandLine().getOut(), rows);
        return 0;
    }

    /**
     * Height, width and channels of the model's input, as its provenance records them; a model exported before they
     * were recorded took an image folder's height and width in grey, or else MNIST's 28x28.
     */
    private static int[] inputShape(JsonNode dataset) {
        JsonNode shape = dataset.path("input_shape");
        if (shape.isArray() && shape.size() == 3) {
            return new int[]{shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt()};
        }
        JsonNode settings = dataset.path("settings");
        boolean folder = dataset.path("format").asText("").equals(ImagesFormat.NAME);
        return folder ? new int[]{settings.path("height").asInt(SIDE), settings.path("width").asInt(SIDE), 1}
                : new int[]{SIDE, SIDE, 1};
    }

    private List<Input> readIdx(Path input, int[] shape) {
        IdxArray idx = IdxReader.read(input);
        if (shape[2] != 1 || idx.dimensions().length != 3 || idx.dimensions()[1] != shape[0] || idx.dimensions()[2] != shape[1]) {
            throw new DataException(input + ": an IDX file of " + java.util.Arrays.toString(idx.dimensions())
                    + " values; the model reads " + shape[0] + "x" + shape[1] + "x" + shape[2] + " images. Fix: give "
                    + (shape[2] == 1 ? "an images file (count, " + shape[0] + ", " + shape[1] + ")" : "pictures") + ".");
        }
        int count = limit == null ? idx.count() : Math.min(limit, idx.count());
        int size = shape[0] * shape[1];
        List<Input> images = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] pixels = new float[size];
            for (int k = 0; k < size; k++) {
                pixels[k] = (idx.data()[n * size + k] & 0xff) / 255f;
            }
            images.add(new Input(input.getFileName() + "#" + n, pixels));
        }
        return images;
    }

    /** IDX files are named for their shape ({@code -idx3-ubyte}); a picture is anything else. */
    private static boolean looksLikeIdx(Path file) {
        String name = file.getFileName().toString();
        return name.contains("idx3") || name.contains("idx1") || name.endsWith("-ubyte") || name.endsWith("-ubyte.gz");
    }

    /** The classes as the training data named them (an image folder's class folders), else their numbers. */
    static List<String> classNames(ModelExport.Loaded loaded, int classes) {
        List<String> names = new ArrayList<>();
        loaded.provenance().path("dataset").path("class_names").forEach(n -> names.add(n.asText()));
        return names.size() == classes ? names : dev.sweep.data.IdxDataset.numbered(classes);
    }

    private Map<String, Object> row(String name, float[] p, int offset, List<String> names) {
        int classes = names.size();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            order.add(c);
        }
        order.sort((a, b) -> Float.compare(p[offset + b], p[offset + a]));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("input", name);
        row.put("predicted", names.get(order.get(0)));
        row.put("probability", Math.round(p[offset + order.get(0)] * 10_000) / 10_000.0);
        Map<String, Double> topK = new LinkedHashMap<>();
        for (int k = 0; k < Math.min(top, classes); k++) {
            topK.put(names.get(order.get(k)), Math.round(p[offset + order.get(k)] * 10_000) / 10_000.0);
        }
        row.put("top", topK);
        return row;
    }

    private void print(PrintWriter out, List<Map<String, Object>> rows) throws IOException {
        switch (format) {
            case "json" -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            case "csv" -> {
                out.println("input,predicted,probability");
                rows.forEach(r -> out.printf(Locale.ROOT, "%s,%s,%s%n", csv(String.valueOf(r.get("input"))), r.get("predicted"),
                        r.get("probability")));
            }
            default -> {
                TextTable table = new TextTable(List.of("input", "predicted", "probability", "top " + top));
                for (Map<String, Object> r : rows) {
                    @SuppressWarnings("unchecked")
                    Map<String, Double> topK = (Map<String, Double>) r.get("top");
                    StringBuilder shown = new StringBuilder();
                    topK.forEach((c, v) -> shown.append(shown.length() == 0 ? "" : "  ").append(c).append(": ")
                            .append(String.format(Locale.ROOT, "%.4f", v)));
                    table.add(List.of(String.valueOf(r.get("input")), String.valueOf(r.get("predicted")),
                            String.format(Locale.ROOT, "%.4f", (Double) r.get("probability")), shown.toString()));
                }
                table.print(out);
            }
        }
        out.flush();
    }

    private static String csv(String cell) {
        return cell.matches("[^\",\\r\\n]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
