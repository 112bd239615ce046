package dev.sweep.report;

import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.train.EpochMetrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The report's charts, drawn by XChart as PNG bytes. */
final class Charts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;

    private Charts() {
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw " + chart.getTitle(), e);
        }
    }

    /**
     * Loss or accuracy against the epoch: per trial one colour, a solid line for validation and a dashed one for
     * training, so that over-fitting shows as the two lines parting.
     */
    static XYChart learningCurves(String quantity, Map<TrialRecord, List<EpochMetrics>> trials) {
        boolean loss = quantity.equals("loss");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Learning curves: " + quantity + " (solid: validation, dashed: training)")
                .xAxisTitle("epoch").yAxisTitle(quantity).build();
        int index = 0;
        for (Map.Entry<TrialRecord, List<EpochMetrics>> trial : trials.entrySet()) {
            Color color = PALETTE[index++ % PALETTE.length];
            String name = "trial " + trial.getKey().id() + ", candidate #" + trial.getKey().number();
            addCurve(chart, name + " validation", trial.getValue(), loss ? EpochMetrics::valLoss : EpochMetrics::valAccuracy,
                    color, SeriesLines.SOLID);
            addCurve(chart, name + " training", trial.getValue(), loss ? EpochMetrics::trainLoss : EpochMetrics::trainAccuracy,
                    color, SeriesLines.DASH_DASH);
        }
        return chart;
    }

    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private static void addCurve(XYChart chart, String name, List<EpochMetrics> epochs, ToDoubleFunction<EpochMetrics> metric,
                                 Color color, BasicStroke line) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EpochMetrics e : epochs) {
            double v = metric.applyAsDouble(e);
            if (Double.isFinite(v)) {
                x.add((double) e.epoch());
                y.add(v);
            }
        }
        if (!x.isEmpty()) {
            XYSeries series = chart.addSeries(name, x, y);
            series.setLineColor(color);
            series.setMarkerColor(color);
            series.setLineStyle(line);
        }
    }

    /**
     * Each finished trial's objective by its number, and the best so far; for a learning sampler, the trials its model
     * suggested apart from its random startup ones and from those given first (enqueued or warm-started).
     *
     * @param bases each trial number's basis, as its configuration recorded it
     */
    static XYChart history(List<TrialRecord> trials, boolean maximize, String metric, Map<Integer, String> bases) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Optimization history")
                .xAxisTitle("trial number").yAxisTitle(metric).build();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        Double incumbent = null;
        for (TrialRecord t : trials) {
            if (t.objectiveValue() == null) {
                continue;
            }
            x.add((double) t.number());
            y.add(t.objectiveValue());
            if (incumbent == null || (maximize ? t.objectiveValue() > incumbent : t.objectiveValue() < incumbent)) {
                incumbent = t.objectiveValue();
            }
            best.add(incumbent);
        }
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("enqueued", "given first (enqueue)");
        groups.put("warm_start", "given first (warm start)");
        groups.put("startup", "random (startup)");
        groups.put("model", "suggested by the model");
        boolean learning = bases.containsValue("model") || bases.containsValue("startup");
        if (!learning && !bases.containsValue("enqueued") && !bases.containsValue("warm_start")) {
            XYSeries points = chart.addSeries("trial", x, y);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        } else {
            Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
            for (int i = 0; i < x.size(); i++) {
                String basis = bases.getOrDefault(x.get(i).intValue(), "");
                byGroup.computeIfAbsent(groups.getOrDefault(basis, "drawn"), g -> new ArrayList<>()).add(i);
            }
            for (String label : new java.util.TreeSet<>(byGroup.keySet())) {
                List<Integer> points = byGroup.get(label);
                XYSeries series = chart.addSeries(label, points.stream().map(x::get).toList(), points.stream().map(y::get).toList());
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        XYSeries line = chart.addSeries("best so far", x, best);
        line.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * Each group's median best so far against the trials drawn, a thick line, over its sweeps' own curves, thin and
     * dashed in the same colour; and the yardstick, if there is one, as a grey line.
     */
    static XYChart bestSoFarByGroup(List<SamplerComparison.Group> groups, String metric, Double yardstick) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Best so far (thick: median over the group's sweeps)")
                .xAxisTitle("trials drawn").yAxisTitle("best " + metric).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        int index = 0;
        int longest = 1;
        for (SamplerComparison.Group group : groups) {
            Color color = PALETTE[index++ % PALETTE.length];
            for (SamplerComparison.Run run : group.runs()) {
                XYSeries own = curve(chart, run.sweep(), run.trials(), run::bestAfter, color);
                if (own != null) {
                    own.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 4f}, 0f));
                    own.setShowInLegend(false);
                }
            }
            XYSeries median = curve(chart, "%s (%d sweeps)".formatted(group.strategy(), group.runs().size()), group.trials(),
                    group::medianBestAfter, color);
            if (median != null) {
                median.setLineStyle(new BasicStroke(3f));
            }
            longest = Math.max(longest, group.trials());
        }
        // The first few trials are far below the rest and would flatten what tells the strategies apart: the axis
        // starts at the lowest median after an eighth of the trials.
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (SamplerComparison.Group group : groups) {
            for (int k = Math.max(1, group.trials() / 8); k <= group.trials(); k++) {
                double v = group.medianBestAfter(k);
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (Double.isFinite(low) && high > low) {
            chart.getStyler().setYAxisMin(low - 0.1 * (high - low)).setYAxisMax(high + 0.1 * (high - low));
        }
        if (yardstick != null) {
            XYSeries line = chart.addSeries("yardstick: random's median best, %.4f".formatted(yardstick), List.of(1.0, (double) longest),
                    List.of(yardstick, yardstick));
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Color.GRAY);
        }
        return chart;
    }

    private static XYSeries curve(XYChart chart, String name, int trials, java.util.function.IntToDoubleFunction bestAfter, Color color) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int k = 1; k <= trials; k++) {
            double v = bestAfter.applyAsDouble(k);
            if (Double.isFinite(v)) {
                x.add((double) k);
                y.add(v);
            }
        }
        if (x.isEmpty()) {
            return null;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        return series;
    }

    /** Each searched parameter's importance, largest first. */
    static CategoryChart importance(Map<String, Double> importance, int trials) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Parameter importance (PED-ANOVA, " + trials + " complete trials)").xAxisTitle("parameter")
                .yAxisTitle("share of importance").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.addSeries("importance", new ArrayList<>(importance.keySet()), new ArrayList<>(importance.values()));
        return chart;
    }

    /** The objective against a numeric parameter, on a log axis when the sweep searched it on a log scale. */
    static XYChart objectiveAgainst(String parameter, List<Double> values, List<Double> objectives, boolean log, String metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(metric + " against " + parameter)
                .xAxisTitle(parameter + (log ? " (log scale)" : "")).yAxisTitle(metric).build();
        chart.getStyler().setXAxisLogarithmic(log);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(parameter, values, objectives);
        return chart;
    }

    /** The mean objective for each value of a choice parameter. */
    static CategoryChart objectiveByChoice(String parameter, List<String> choices, List<Double> means, String metric) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("mean " + metric + " by " + parameter)
                .xAxisTitle(parameter).yAxisTitle("mean " + metric).build();
        chart.getStyler().setLegendVisible(false);
        double low = means.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).min().orElse(0);
        double high = means.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(1);
        // Bars from zero would hide the differences that matter between good settings.
        chart.getStyler().setYAxisMin(low - Math.max(0.1 * (high - low), 1e-3));
        chart.addSeries(parameter, choices, means);
        return chart;
    }

    /**
     * Every trial's objective as a point over its architecture, spread sideways so that equal scores stay visible,
     * and a bar at each architecture's median.
     */
    static XYChart objectiveByArchitecture(Map<String, List<TrialRecord>> byArchitecture, String metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(metric + " by architecture (bar: median)")
                .xAxisTitle("architecture").yAxisTitle(metric).build();
        List<String> names = new ArrayList<>(byArchitecture.keySet());
        chart.getStyler().setXAxisMin(-0.5).setXAxisMax(names.size() - 0.5);
        // The legend names the architectures: XChart's tick formatter loops forever on repeated labels.
        chart.getStyler().setXAxisTicksVisible(false);
        for (int a = 0; a < names.size(); a++) {
            List<Double> ys = byArchitecture.get(names.get(a)).stream().map(TrialRecord::objectiveValue).toList();
            if (ys.isEmpty()) {
                continue;
            }
            Color color = PALETTE[a % PALETTE.length];
            List<Double> xs = new ArrayList<>();
            for (int i = 0; i < ys.size(); i++) {
                xs.add(a + (ys.size() == 1 ? 0 : 0.5 * i / (ys.size() - 1) - 0.25));
            }
            double median = median(ys);
            XYSeries points = chart.addSeries("%s: %d trials, median %.4f".formatted(names.get(a), ys.size(), median), xs, ys);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarkerColor(color);
            XYSeries bar = chart.addSeries(names.get(a) + " median", List.of(a - 0.35, a + 0.35), List.of(median, median));
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineColor(color);
            bar.setLineStyle(new BasicStroke(3f));
            bar.setShowInLegend(false);
        }
        return chart;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The objective against the trainable parameters, one colour per architecture, and the Pareto front; on a log axis
     * where the sizes span a decade or more.
     */
    static XYChart objectiveAgainstSize(Map<String, List<TrialRecord>> byArchitecture, boolean maximize, String metric) {
        Map<String, List<ParetoFront.Point>> sized = new LinkedHashMap<>();
        List<ParetoFront.Point> all = new ArrayList<>();
        byArchitecture.forEach((architecture, trials) -> {
            List<ParetoFront.Point> points = new ArrayList<>();
            for (TrialRecord t : trials) {
                Number size = t.metric(TrialMetric.PARAMS);
                if (size != null && size.doubleValue() > 0) {
                    points.add(new ParetoFront.Point(size.doubleValue(), t.objectiveValue()));
                }
            }
            sized.put(architecture, points);
            all.addAll(points);
        });
        double smallest = all.stream().mapToDouble(ParetoFront.Point::size).min().orElse(1);
        double largest = all.stream().mapToDouble(ParetoFront.Point::size).max().orElse(1);
        boolean log = largest / smallest >= 10; // XChart labels a log axis at decades only
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(metric + " against trainable parameters (line: Pareto front)")
                .xAxisTitle("trainable parameters" + (log ? " (log scale)" : "")).yAxisTitle(metric).build();
        chart.getStyler().setXAxisLogarithmic(log);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        int a = 0;
        for (Map.Entry<String, List<ParetoFront.Point>> architecture : sized.entrySet()) {
            Color color = PALETTE[a++ % PALETTE.length];
            if (architecture.getValue().isEmpty()) {
                continue;
            }
            XYSeries points = chart.addSeries(architecture.getKey(),
                    architecture.getValue().stream().map(ParetoFront.Point::size).toList(),
                    architecture.getValue().stream().map(ParetoFront.Point::objective).toList());
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarkerColor(color);
        }
        List<ParetoFront.Point> front = ParetoFront.of(all, maximize);
        XYSeries line = chart.addSeries("Pareto front", front.stream().map(ParetoFront.Point::size).toList(),
                front.stream().map(ParetoFront.Point::objective).toList());
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        return chart;
    }

    /** Rows are true classes, columns predicted ones. */
    /** @param names the classes' names, in label order; unique, as XChart's category axis needs */
    static HeatMapChart confusion(int[][] confusion, List<String> names, String title) {
        int classes = confusion.length;
        HeatMapChart chart = new HeatMapChartBuilder().width(720).height(600).title(title).xAxisTitle("predicted")
                .yAxisTitle("true").build();
        List<String> axis = new ArrayList<>(names);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                // y counts up from the bottom: put class 0 on top
                cells.add(new Number[]{p, classes - 1 - t, confusion[t][p]});
            }
        }
        List<String> yAxis = new ArrayList<>();
        for (int c = classes - 1; c >= 0; c--) {
            yAxis.add(names.get(c));
        }
        chart.getStyler().setShowValue(true);
        chart.addSeries("count", axis, yAxis, cells);
        return chart;
    }
}
