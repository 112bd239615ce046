package dev.sweep.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sweep.arch.ModelZip;
import dev.sweep.arch.Network;
import dev.sweep.store.StoredModel;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.train.EpochMetrics;
import dev.sweep.train.InputNormalization;
import dev.sweep.train.TrainerParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An exported model: the DL4J model zip, and beside it a JSON sidecar of provenance (sweep, trial, resolved
 * parameters, seed, data split, metrics, the sweep file) so that the model can be evaluated, trusted and reproduced.
 */
public final class ModelExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelExport() {
    }

    /** {@code best.zip} has its provenance in {@code best.json}. */
    public static Path sidecarOf(Path zip) {
        String name = zip.getFileName().toString();
        String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return zip.resolveSibling(stem + ".json");
    }

    public static void write(SweepRecord sweep, TrialRecord trial, List<EpochMetrics> epochs, StoredModel model, Path zip) {
        try {
            ObjectNode provenance = provenance(sweep, trial, epochs, model, zip.getFileName().toString());
            Path parent = zip.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            writeWhole(zip, model.bytes());
            writeWhole(sidecarOf(zip), JSON.writeValueAsBytes(provenance));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + zip + ": " + e.getMessage(), e);
        }
    }

    /** What an exported model's sidecar says of it: where it came from, how it was trained, and what it scored. */
    public static ObjectNode provenance(SweepRecord sweep, TrialRecord trial, List<EpochMetrics> epochs, StoredModel model,
                                        String modelFile) throws IOException {
        JsonNode config = JSON.readTree(trial.configJson());
        ObjectNode provenance = JSON.createObjectNode();
        provenance.put("exported_by", "sweep 0.1.0");
        provenance.put("exported_at", OffsetDateTime.now().toString());
        provenance.put("model_file", modelFile);
        provenance.put("model_format", model.format().name());
        provenance.put("sweep", sweep.name());
        provenance.put("trial_id", trial.id());
        provenance.put("trial_number", trial.number());
        provenance.put("architecture", trial.architecture());
        provenance.put("seed", trial.seed());
        provenance.set("parameters", config.get("parameters"));
        provenance.set("dataset", config.get("dataset"));
        ObjectNode objective = provenance.putObject("objective");
        objective.put("metric", sweep.objectiveMetric());
        objective.put("goal", sweep.objectiveGoal().toLowerCase());
        objective.put("value", trial.objectiveValue());
        ObjectNode metrics = provenance.putObject("metrics");
        for (TrialMetric m : TrialMetric.shownIn(TrialMetric.Shown.PROVENANCE)) {
            metrics.set(m.label(), JSON.valueToTree(trial.metric(m)));
        }
        provenance.set("epochs", JSON.valueToTree(epochs));
        provenance.put("sweep_strategy", sweep.strategy());
        provenance.put("sweep_seed", sweep.seed());
        provenance.put("sweep_file", sweep.sourceFile());
        provenance.put("sweep_yaml", sweep.yamlText());
        return provenance;
    }

    /** Written beside, then moved into place: a full disk or a crash never leaves half a model under its name. */
    private static void writeWhole(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
        try {
            try (var out = Files.newOutputStream(temp)) {
                out.write(bytes);
                if (out instanceof java.io.FileOutputStream f) {
                    f.getFD().sync();
                }
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An exported model and its provenance (empty when there is no sidecar). */
    public record Loaded(Network network, JsonNode provenance) {
        /** How the model's inputs were normalized in training; a model without provenance was scaled to [0, 1]. */
        public InputNormalization normalization() {
            JsonNode dataset = provenance.path("dataset");
            return InputNormalization.named(provenance.path("parameters").path(TrainerParameters.NORMALIZE).asText("scale"),
                    floats(dataset.path("train_channel_mean")), floats(dataset.path("train_channel_std")));
        }

        private static float[] floats(JsonNode list) {
            if (!list.isArray()) {
                return null;
            }
            float[] values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) list.get(i).asDouble();
            }
            return values;
        }
    }

    public static Loaded read(Path zip) throws IOException {
        Path sidecar = sidecarOf(zip);
        JsonNode provenance = Files.exists(sidecar) ? JSON.readTree(sidecar.toFile()) : JSON.createObjectNode();
        byte[] bytes = ModelZip.read(zip);
        if (provenance.hasNonNull("model_format")) {
            return new Loaded(Network.fromBytes(bytes, Network.Format.valueOf(provenance.get("model_format").asText())), provenance);
        }
        try {
            return new Loaded(Network.fromBytes(bytes, Network.Format.MULTI_LAYER), provenance);
        } catch (ModelZip.UnsafeModelException refused) {
            throw refused;
        } catch (RuntimeException | IOException notALayerStack) {
            return new Loaded(Network.fromBytes(bytes, Network.Format.GRAPH), provenance);
        }
    }
}
