package dev.sweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sweep.query.TrialColumns;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.RepeatRecord;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialRecord;
import dev.sweep.train.EpochMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Everything about one trial: its parameters (and where each came from), its metrics, its epochs and repeats.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TRIAL", description = "the trial id, as the leaderboard's first column shows it")
    long trialId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json; default: ${DEFAULT-VALUE}")
    String format;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Formats.require(format, "table", "json");
        PrintWriter out = spec.commandLine().getOut();
        try (ExperimentStore store = database.read()) {
            TrialRecord t = Trials.find(store, trialId);
            SweepRecord sweep = store.findSweep(t.sweepName()).orElseThrow();
            Map<String, Object> columns = TrialColumns.of(t);
            List<EpochMetrics> epochs = store.epochs(t.id());
            List<RepeatRecord> repeats = store.repeats(t.id());
            if (format.equals("json")) {
                Map<String, Object> json = new LinkedHashMap<>();
                TrialColumns.METRICS.forEach(m -> json.put(m, columns.get(m)));
                json.put("parameters", t.parameters());
                json.put("parameter_sources", t.parameterSources());
                json.put("epochs", epochs);
                json.put("repeats_detail", repeats);
                json.put("error", t.error());
                json.put("validation_confusion", store.validationConfusion(t.id()).orElse(null));
                json.put("test_confusion", store.testConfusion(t.id()).orElse(null));
                json.put("config", new ObjectMapper().readTree(t.configJson()));
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
                out.flush();
                return 0;
            }
            out.printf("Trial %d: candidate #%d of sweep '%s' (%s), %s%s%n", t.id(), t.number(), t.sweepName(), t.architecture(),
                    t.state(), t.error() == null ? "" : ": " + t.error());
            String suggestedBy = suggestedBy(t.configJson());
            if (suggestedBy != null) {
                out.println(suggestedBy);
            }
            out.println();
            TextTable parameters = new TextTable(List.of("  parameter", "value", "source"));
            t.parameters().forEach((name, value) -> parameters.add(List.of("  " + name, value == null ? "-" : value,
                    t.parameterSources().get(name))));
            parameters.print(out);
            out.println();
            TextTable metrics = new TextTable(List.of("  metric", "value"));
            for (String m : TrialColumns.METRICS) {
                if (columns.get(m) != null && !List.of("trial", "sweep", "architecture", "number", "state").contains(m)) {
                    metrics.add(List.of("  " + m, Trials.format(columns.get(m))));
                }
            }
            metrics.print(out);
            store.validationConfusion(t.id()).ifPresent(m -> printPerClass(out, "validation", m));
            store.testConfusion(t.id()).ifPresent(m -> printPerClass(out, "test", m));
            if (!epochs.isEmpty()) {
                out.println();
                TextTable table = new TextTable(List.of("  epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "seconds",
                        "images/s"));
                for (EpochMetrics e : epochs) {
                    table.add(List.of("  " + e.epoch(), Trials.format(e.trainLoss()), Trials.format(e.trainAccuracy()),
                            Trials.format(e.valLoss()),
                            Trials.format(e.valAccuracy()), String.format(Locale.ROOT, "%.1f", e.seconds()),
                            String.format(Locale.ROOT, "%,.0f", e.imagesPerSecond())));
                }
                table.print(out);
            }
            if (repeats.size() > 1) {
                out.println();
                TextTable table = new TextTable(List.of("  repeat", "seed", "objective", "val_accuracy", "test_accuracy", "epochs"));
                for (RepeatRecord r : repeats) {
                    table.add(List.of("  " + r.repeat(), String.valueOf(r.seed()), Trials.format(r.objectiveValue()),
                            Trials.format(r.valAccuracy()), Trials.format(r.testAccuracy()), String.valueOf(r.epochsDone())));
                }
                table.print(out);
            }
            out.flush();
        }
        return 0;
    }

    /** Per-class precision, recall and F1 of one split, from its confusion matrix (rows true classes). */
    private static void printPerClass(PrintWriter out, String split, int[][] m) {
        out.println();
        TextTable perClass = new TextTable(List.of("  class", split + " precision", "recall", "f1", split + " images"));
        for (int c = 0; c < m.length; c++) {
            int predicted = 0;
            int actual = 0;
            for (int k = 0; k < m.length; k++) {
                predicted += m[k][c];
                actual += m[c][k];
            }
            double precision = predicted == 0 ? 0 : m[c][c] / (double) predicted;
            double recall = actual == 0 ? 0 : m[c][c] / (double) actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(List.of("  " + c, String.format(Locale.ROOT, "%.4f", precision), String.format(Locale.ROOT, "%.4f", recall),
                    String.format(Locale.ROOT, "%.4f", f1), String.valueOf(actual)));
        }
        perClass.print(out);
    }

    /** What the sampler based the trial on, as its configuration recorded it; null for trials stored before. */
    private static String suggestedBy(String configJson) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode sampler = new ObjectMapper().readTree(configJson).path("sampler");
        if (sampler.isMissingNode()) {
            return null;
        }
        List<Integer> saw = new java.util.ArrayList<>();
        sampler.path("saw").forEach(n -> saw.add(n.asInt()));
        // Results a warm start brought from another sweep are numbered below 0: they are none of this sweep's trials.
        List<Integer> own = saw.stream().filter(n -> n >= 0).toList();
        long brought = saw.size() - own.size();
        return "Suggested by " + sampler.path("type").asText() + " (" + sampler.path("basis").asText() + ")"
                + (own.isEmpty() ? "" : ", from the " + own.size() + " finished trials " + numbers(own))
                + (brought == 0 ? "" : (own.isEmpty() ? ", from " : " and ") + brought + " warm-start results");
    }

    private static String numbers(List<Integer> saw) {
        boolean contiguous = saw.get(saw.size() - 1) - saw.get(0) + 1 == saw.size();
        return contiguous ? "#" + saw.get(0) + "..#" + saw.get(saw.size() - 1)
                : String.join(", ", saw.stream().map(n -> "#" + n).toList());
    }
}
