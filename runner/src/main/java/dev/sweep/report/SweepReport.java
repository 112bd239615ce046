package dev.sweep.report;

import dev.sweep.arch.Network;
import dev.sweep.config.SweepDefinition;
import dev.sweep.data.DataSplit;
import dev.sweep.data.EvalSet;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.StoredModel;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import dev.sweep.train.EpochMetrics;
import dev.sweep.train.InputNormalization;
import dev.sweep.train.TrainerParameters;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page about a sweep: PNG charts embedded as data URIs, so the page is a single file that
 * opens anywhere.
 */
public final class SweepReport {
    private static final String INACTIVE = dev.sweep.space.ParameterResolver.Source.INACTIVE.label();

    private static final int TOP = 5;
    private static final int MISTAKES = 36;

    private final StringBuilder html = new StringBuilder();
    private final List<String> sections = new ArrayList<>();

    /** What the page holds, for the command's summary. */
    public record Result(String html, List<String> charts) {
    }

    public static Result build(SweepRecord sweep, SweepDefinition definition, ExperimentStore store, DataSplit data) throws IOException {
        return new SweepReport().render(sweep, definition, store, data);
    }

    private Result render(SweepRecord sweep, SweepDefinition definition, ExperimentStore store, DataSplit data) throws IOException {
        List<TrialRecord> trials = store.trials(sweep.id());
        boolean maximize = sweep.maximizes();
        String metric = sweep.objectiveMetric();
        List<TrialRecord> ranked = new ArrayList<>(trials.stream().filter(t -> t.state() == TrialState.COMPLETE
                && t.objectiveValue() != null).toList());
        ranked.sort((a, b) -> maximize ? Double.compare(b.objectiveValue(), a.objectiveValue())
                : Double.compare(a.objectiveValue(), b.objectiveValue()));
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep ").append(escape(sweep.name()))
                .append("</title><style>body{font-family:sans-serif;max-width:1500px;margin:2em auto;padding:0 1em}"
                        + "img{max-width:100%;border:1px solid #ddd;margin:4px}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}</style></head><body>");
        html.append("<h1>Sweep ").append(escape(sweep.name())).append("</h1><p>").append(escape(sweep.architecture()))
                .append(", ").append(escape(sweep.strategy())).append(", objective ").append(escape(metric)).append(" (")
                .append(maximize ? "maximize" : "minimize").append("), ").append(trials.size()).append(" trials, state ")
                .append(sweep.state()).append(".</p>");
        table(ranked, definition);

        Map<TrialRecord, List<EpochMetrics>> top = new LinkedHashMap<>();
        ranked.stream().limit(TOP).forEach(t -> top.put(t, store.epochs(t.id())));
        if (!top.isEmpty()) {
            heading("Learning curves of the top " + top.size() + " trials");
            image("learning curves: loss", Charts.png(Charts.learningCurves("loss", top)));
            image("learning curves: accuracy", Charts.png(Charts.learningCurves("accuracy", top)));
        }
        if (!ranked.isEmpty()) {
            heading("Optimization history");
            image("optimization history", Charts.png(Charts.history(trials, maximize, metric, modelGuided(trials))));
            if (definition.branches().mixed()) {
                architectureCharts(definition.branches(), ranked, maximize, metric);
            }
            parameterCharts(definition, trials, metric);
            bestModel(ranked.get(0), store, data);
        }
        html.append("<script>window.addEventListener('load',function(){var bad=0;"
                + "document.querySelectorAll('img').forEach(function(i){if(!i.complete||i.naturalWidth===0)bad++;});"
                + "document.body.setAttribute('data-images',document.images.length);"
                + "document.body.setAttribute('data-broken-images',bad);});</script></body></html>");
        return new Result(html.toString(), sections);
    }

    private void table(List<TrialRecord> ranked, SweepDefinition definition) {
        heading("Completed trials, best first");
        List<String> searched = definition.parameters().entrySet().stream().filter(e -> !e.getValue().isFixed())
                .map(Map.Entry::getKey).toList();
        html.append("<table><tr><th>trial</th><th>#</th><th>objective</th><th>val_accuracy</th><th>test_accuracy</th><th>epochs</th>");
        searched.forEach(p -> html.append("<th>").append(escape(p)).append("</th>"));
        html.append("</tr>");
        for (TrialRecord t : ranked) {
            html.append("<tr><td>").append(t.id()).append("</td><td>").append(t.number()).append("</td><td>")
                    .append(format(t.objectiveValue())).append("</td><td>").append(format(t.valAccuracy())).append("</td><td>")
                    .append(format(t.testAccuracy())).append("</td><td>").append(t.epochsDone()).append("</td>");
            searched.forEach(p -> {
                String value = valueOf(t, p, definition.branches());
                html.append("<td>").append(escape(value == null ? "-" : value)).append("</td>");
            });
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private void parameterCharts(SweepDefinition definition, List<TrialRecord> trials, String metric) {
        List<TrialRecord> scored = trials.stream().filter(t -> t.objectiveValue() != null).toList();
        definition.parameters().forEach((name, spec) -> {
            if (spec.isFixed() || name.equals(ArchitectureBranches.KEY)) {
                return; // the architecture has its own section
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            Map<String, List<Double>> byChoice = new LinkedHashMap<>();
            boolean numeric = true;
            for (TrialRecord t : scored) {
                String text = valueOf(t, name, definition.branches());
                if (text == null) {
                    continue; // a trial of another architecture, or whose condition left it out, says nothing about it
                }
                byChoice.computeIfAbsent(text, k -> new ArrayList<>()).add(t.objectiveValue());
                try {
                    xs.add(Double.parseDouble(text));
                    ys.add(t.objectiveValue());
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            if (byChoice.isEmpty()) {
                return;
            }
            if (!sectionsContain("Objective against each parameter")) {
                heading("Objective against each parameter");
            }
            if (numeric) {
                // A log axis where the sweep searched on a log scale, or its values span two orders of magnitude.
                double min = xs.stream().mapToDouble(Double::doubleValue).min().orElse(1);
                double max = xs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
                boolean log = spec instanceof ParameterSpec.FloatRange range && range.log() || min > 0 && max / min >= 100;
                image(metric + " against " + name, Charts.png(Charts.objectiveAgainst(name, xs, ys, log, metric)));
            } else {
                List<String> choices = new ArrayList<>(byChoice.keySet());
                List<Double> means = choices.stream().map(c -> byChoice.get(c).stream().mapToDouble(Double::doubleValue)
                        .average().orElse(Double.NaN)).toList();
                image(metric + " by " + name, Charts.png(Charts.objectiveByChoice(name, choices, means, metric)));
            }
        });
    }

    /** Which architecture wins, and what each costs in weights for what it scores. */
    private void architectureCharts(ArchitectureBranches branches, List<TrialRecord> ranked, boolean maximize, String metric) {
        heading("Architectures compared");
        Map<String, List<TrialRecord>> byArchitecture = new LinkedHashMap<>();
        branches.architectures().forEach(a -> byArchitecture.put(a, new ArrayList<>()));
        ranked.forEach(t -> byArchitecture.computeIfAbsent(t.architecture(), a -> new ArrayList<>()).add(t));
        image(metric + " by architecture", Charts.png(Charts.objectiveByArchitecture(byArchitecture, metric)));
        if (ranked.stream().anyMatch(t -> t.metric(TrialMetric.PARAMS) != null)) {
            image(metric + " against trainable parameters",
                    Charts.png(Charts.objectiveAgainstSize(byArchitecture, maximize, metric)));
        }
    }

    /** The trials whose sampler chose them from a model of the others, as their configuration recorded it. */
    private static java.util.Set<Integer> modelGuided(List<TrialRecord> trials) throws IOException {
        java.util.Set<Integer> guided = new java.util.HashSet<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (TrialRecord t : trials) {
            if (json.readTree(t.configJson()).path("sampler").path("basis").asText().equals("model")) {
                guided.add(t.number());
            }
        }
        return guided;
    }

    /** A trial's value of a sweep key; null where the key is another architecture's or the trial's condition left it out. */
    private static String valueOf(TrialRecord trial, String key, ArchitectureBranches branches) {
        if (key.equals(ArchitectureBranches.KEY)) {
            return trial.architecture();
        }
        String name = branches.ownName(trial.architecture(), key);
        if (name == null || INACTIVE.equals(trial.parameterSources().get(name))) {
            return null;
        }
        return trial.parameters().get(name);
    }

    private void bestModel(TrialRecord best, ExperimentStore store, DataSplit data) throws IOException {
        StoredModel stored = store.model(best.id()).orElse(null);
        if (stored == null) {
            return;
        }
        Network network = Network.fromBytes(stored.bytes(), stored.format());
        InputNormalization normalization = InputNormalization.named(best.parameters().getOrDefault(TrainerParameters.NORMALIZE, "scale"));
        EvalSet test = data.testSet();
        int[][] confusion = new int[data.classes()][data.classes()];
        List<ImageGrids.Tile> mistakes = new ArrayList<>();
        int side = data.shape().height();
        for (int from = 0; from < test.count(); from += 1024) {
            int to = Math.min(test.count(), from + 1024);
            INDArray features = test.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            float[] p = network.output(normalization.apply(features)).data().asFloat();
            for (int i = 0; i < to - from; i++) {
                int predicted = 0;
                for (int c = 1; c < data.classes(); c++) {
                    if (p[i * data.classes() + c] > p[i * data.classes() + predicted]) {
                        predicted = c;
                    }
                }
                int actual = test.labels()[from + i];
                confusion[actual][predicted]++;
                if (predicted != actual && mistakes.size() < MISTAKES) {
                    mistakes.add(new ImageGrids.Tile(features.getRow(i).toFloatVector(), side, data.shape().width(),
                            "true " + actual + ", pred " + predicted));
                }
            }
        }
        heading("Best trial " + best.id() + " (candidate #" + best.number() + ") on the test images");
        image("confusion matrix of the best trial", Charts.png(Charts.confusion(confusion, "Confusion matrix, test images")));
        if (!mistakes.isEmpty()) {
            image("misclassified test images", ImageGrids.grid(mistakes, 9, 3, "Misclassified test images (first " + mistakes.size() + ")"));
        }
        List<ImageGrids.Tile> filters = firstLayerFilters(network.model());
        if (!filters.isEmpty()) {
            image("first-layer filters", ImageGrids.grid(filters, 8, 12, "First convolution's filters"));
        }
    }

    /** The kernels of the first convolution, one tile per output channel (first input channel), if there is one. */
    private static List<ImageGrids.Tile> firstLayerFilters(Model model) {
        Layer[] layers = model instanceof MultiLayerNetwork m ? m.getLayers() : ((ComputationGraph) model).getLayers();
        for (Layer layer : layers) {
            if (layer instanceof ConvolutionLayer conv) {
                INDArray w = conv.getParam("W"); // [out, in, kh, kw]
                List<ImageGrids.Tile> tiles = new ArrayList<>();
                int kh = (int) w.size(2);
                int kw = (int) w.size(3);
                for (int o = 0; o < Math.min(32, w.size(0)); o++) {
                    INDArray kernel = w.get(NDArrayIndex.point(o), NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all());
                    tiles.add(new ImageGrids.Tile(kernel.dup('c').data().asFloat(), kh, kw, "filter " + o));
                }
                return tiles;
            }
        }
        return List.of();
    }

    private boolean sectionsContain(String heading) {
        return html.indexOf("<h2>" + heading + "</h2>") >= 0;
    }

    private void heading(String text) {
        html.append("<h2>").append(escape(text)).append("</h2>");
    }

    private void image(String alt, byte[] png) {
        sections.add(alt);
        html.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">");
    }

    private static String format(Double v) {
        return v == null ? "-" : ParameterValues.format(Math.round(v * 10_000) / 10_000.0);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
