package dev.sweep.report;

import dev.sweep.analysis.SweepKeys;

import dev.sweep.config.SweepDefinition;
import dev.sweep.data.DataSplit;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import dev.sweep.train.EpochMetrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One self-contained HTML page about a sweep: its trials, their curves, and its best model on the test images. */
public final class SweepReport {
    private static final int TOP = 5;

    private ReportPage page;

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
        page = new ReportPage("Sweep " + sweep.name());
        page.paragraph(sweep.architecture() + ", " + sweep.strategy() + ", objective " + metric + " ("
                + (maximize ? "maximize" : "minimize") + "), " + trials.size() + " trials, state " + sweep.state() + ".");
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
            image("optimization history", Charts.png(Charts.history(trials, maximize, metric, bases(trials))));
            Map<String, Double> importance = dev.sweep.analysis.SweepImportance.of(definition, trials, maximize);
            if (importance.size() > 1 && ranked.size() > 2) {
                heading("Parameter importance");
                image("parameter importance", Charts.png(Charts.importance(importance, ranked.size())));
            } else if (ranked.size() > 2) {
                heading("Parameter importance");
                page.paragraph("No parameter's values set the best trials apart from the others, over " + ranked.size()
                        + " complete trials.");
            }
            if (definition.branches().mixed()) {
                architectureCharts(definition.branches(), ranked, maximize, metric);
            }
            parameterCharts(definition, trials, metric);
            bestModel(ranked.get(0), store, data);
        }
        return page.finish();
    }

    private void table(List<TrialRecord> ranked, SweepDefinition definition) {
        heading("Completed trials, best first");
        List<String> searched = definition.parameters().entrySet().stream().filter(e -> !e.getValue().isFixed())
                .map(Map.Entry::getKey).toList();
        List<String> header = new ArrayList<>(List.of("trial", "#", "objective", "val_accuracy", "test_accuracy", "epochs"));
        header.addAll(searched);
        List<List<String>> rows = new ArrayList<>();
        for (TrialRecord t : ranked) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(t.id()), String.valueOf(t.number()),
                    format(t.objectiveValue()), format(t.valAccuracy()), format(t.testAccuracy()), String.valueOf(t.epochsDone())));
            searched.forEach(p -> {
                String value = SweepKeys.valueOf(t, p, definition.branches());
                row.add(value == null ? "-" : value);
            });
            rows.add(row);
        }
        page.table(header, rows);
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
                String text = SweepKeys.valueOf(t, name, definition.branches());
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
            if (!page.hasHeading("Objective against each parameter")) {
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

    /** What each trial's sampler based it on (random, startup, model, enqueued, ...), as its configuration recorded it. */
    private static Map<Integer, String> bases(List<TrialRecord> trials) throws IOException {
        Map<Integer, String> bases = new java.util.HashMap<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (TrialRecord t : trials) {
            bases.put(t.number(), json.readTree(t.configJson()).path("sampler").path("basis").asText(""));
        }
        return bases;
    }

    private void bestModel(TrialRecord best, ExperimentStore store, DataSplit data) throws IOException {
        ModelFigures figures = ModelFigures.of(best, store, data).orElse(null);
        if (figures == null) {
            return;
        }
        heading("Best trial " + best.id() + " (candidate #" + best.number() + ") on the test images");
        image("confusion matrix of the best trial", Charts.png(Charts.confusion(figures.confusion(), figures.classNames(), "Confusion matrix, test images")));
        figures.mistakes().ifPresent(png -> image("misclassified test images", png));
        figures.filters().ifPresent(png -> image("first-layer filters", png));
    }

    private void heading(String text) {
        page.heading(text);
    }

    private void image(String alt, byte[] png) {
        page.image(alt, png);
    }

    static String format(Double v) {
        return v == null ? "-" : ParameterValues.format(Math.round(v * 10_000) / 10_000.0);
    }
}
