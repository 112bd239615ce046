package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.config.DatasetSpec;
import dev.sweep.data.DataSplit;
import dev.sweep.data.DatasetRepository;
import dev.sweep.data.EvalSet;
import dev.sweep.data.IdxDataset;
import dev.sweep.export.ModelExport;
import dev.sweep.train.ClassificationMetrics;
import dev.sweep.train.Evaluator;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Reload an exported model and measure it on the test images: accuracy, macro F1, AUC-ROC, confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL.zip", description = "a model written by ./sweep export")
    Path model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "folder of IDX files to test on; default: the dataset recorded in the model's .json, else MNIST")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json; default: ${DEFAULT-VALUE}")
    String format;

    @Spec
    CommandSpec spec;

    private final DatasetRepository datasets;

    @Inject
    EvaluateCommand(DatasetRepository datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws IOException {
        Formats.require(format, "table", "json");
        ModelExport.Loaded loaded = ExportedModels.load(model);
        IdxDataset dataset = datasets.dataset(testData(loaded.provenance()));
        JsonNode shape = loaded.provenance().path("dataset").path("input_shape");
        if (shape.isArray() && shape.size() == 3 && !(shape.get(0).asInt() + "x" + shape.get(1).asInt() + "x" + shape.get(2).asInt())
                .equals(IdxDataset.shape(dataset.test()))) {
            throw new UserInputException(model + " reads " + shape.get(0).asInt() + "x" + shape.get(1).asInt() + "x"
                    + shape.get(2).asInt() + " images (height, width, channels), and the test images of " + dataset.folder()
                    + " are " + IdxDataset.shape(dataset.test()) + ". Fix: evaluate it on data like the data it was trained on, with --data DIR.");
        }
        EvalSet test = DataSplit.toEvalSet(dataset.test());
        ClassificationMetrics m;
        try {
            m = Evaluator.full(loaded.network(), test, dataset.classes(), loaded.normalization());
        } catch (RuntimeException e) {
            // DL4J's word for inputs of the wrong size (an exception of its own, with a long message).
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new UserInputException(model + " cannot read the test images of " + dataset.folder() + " ("
                    + IdxDataset.shape(dataset.test()) + " pixels, " + dataset.classes()
                    + " classes): " + why + ". Fix: evaluate it on data like the data it was trained on, with --data DIR.");
        }
        JsonNode stored = loaded.provenance().path("metrics").path("test_accuracy");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model.toString());
        result.put("test_images", m.count());
        result.put("data", dataset.folder().toString());
        result.put("test_accuracy", m.accuracy());
        result.put("test_macro_f1", m.macroF1());
        result.put("test_auc_roc", m.aucRoc());
        result.put("test_loss", m.loss());
        result.put("stored_test_accuracy", stored.isNumber() ? stored.asDouble() : null);
        result.put("confusion_matrix", m.confusion());
        result.put("class_names", dataset.classNames());
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } else {
            printTable(out, loaded.provenance(), dataset, m, stored);
        }
        out.flush();
        return 0;
    }

    private DatasetSpec testData(JsonNode provenance) {
        if (data != null) {
            return DatasetSpec.idx(data, null, DatasetSpec.DEFAULT_VALIDATION);
        }
        JsonNode recorded = provenance.path("dataset");
        if (recorded.hasNonNull("format")) {
            Map<String, Object> settings = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(recorded.path("settings"),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
            return new DatasetSpec(recorded.get("format").asText(), settings == null ? Map.of() : settings, null,
                    DatasetSpec.DEFAULT_VALIDATION);
        }
        if (recorded.path("source").asText("mnist").equals("mnist")) {
            return DatasetSpec.mnist();
        }
        return DatasetSpec.idx(Path.of(recorded.path("folder").asText()), null, DatasetSpec.DEFAULT_VALIDATION);
    }

    private static void printTable(PrintWriter out, JsonNode provenance, IdxDataset dataset, ClassificationMetrics m, JsonNode stored) {
        if (provenance.has("sweep")) {
            out.printf("Model: %s, trial %s (candidate #%s) of sweep '%s'%n", provenance.path("architecture").asText(),
                    provenance.path("trial_id").asText(), provenance.path("trial_number").asText(), provenance.path("sweep").asText());
        }
        out.printf("Test images: %d from %s%n", m.count(), dataset.folder());
        String check = "";
        if (stored.isNumber()) {
            check = stored.asDouble() == m.accuracy() ? "  (stored at training: identical)"
                    : String.format("  (stored at training: %.4f, DIFFERENT)", stored.asDouble());
        }
        out.printf("Accuracy:    %.4f%s%n", m.accuracy(), check);
        out.printf("Macro F1:    %.4f%n", m.macroF1());
        out.printf("AUC-ROC:     %.4f (one-vs-rest, macro)%n", m.aucRoc());
        out.printf("Loss:        %.4f (cross-entropy)%n", m.loss());
        if (!dataset.classNames().equals(IdxDataset.numbered(dataset.classes()))) {
            List<String> named = new java.util.ArrayList<>();
            for (int c = 0; c < dataset.classes(); c++) {
                named.add(c + " " + dataset.classNames().get(c));
            }
            out.println("Classes:     " + String.join(", ", named));
        }
        out.println("Confusion matrix (rows: true class, columns: predicted):");
        int classes = m.confusion().length;
        StringBuilder header = new StringBuilder("      ");
        for (int c = 0; c < classes; c++) {
            header.append(String.format("%6d", c));
        }
        out.println(header);
        for (int r = 0; r < classes; r++) {
            StringBuilder row = new StringBuilder(String.format("%6d", r));
            for (int c = 0; c < classes; c++) {
                row.append(String.format("%6d", m.confusion()[r][c]));
            }
            out.println(row);
        }
    }
}
