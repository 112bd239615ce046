package dev.sweep.report;

import dev.sweep.store.SweepRecord;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several sweeps of one objective side by side, grouped by their strategy: the best so far against the number of
 * trials drawn, for each sweep and as the median over its group (in a sampler comparison, over the seeds). Trials
 * count in the order their sampler drew them, so a parallel sweep is measured as it searched, not as its trials
 * happened to finish.
 */
public final class SamplerComparison {
    private static final String RANDOM = "random";

    /** One sweep's best completed objective after each number of trials drawn; NaN before its first completed trial. */
    public record Run(String sweep, String strategy, String sampler, long seed, double[] bestSoFar) {
        public int trials() {
            return bestSoFar.length;
        }

        /** The best after {@code k} trials, or after all of them if it had fewer. */
        public double bestAfter(int k) {
            return bestSoFar.length == 0 ? Double.NaN : bestSoFar[Math.min(k, bestSoFar.length) - 1];
        }

        /** How many trials it took to reach {@code target}, or 0 if it never did. */
        int trialsToReach(double target, boolean maximize) {
            for (int k = 0; k < bestSoFar.length; k++) {
                if (!Double.isNaN(bestSoFar[k]) && (maximize ? bestSoFar[k] >= target : bestSoFar[k] <= target)) {
                    return k + 1;
                }
            }
            return 0;
        }
    }

    /** The sweeps of one strategy: their median best so far over the trials that all of them drew. */
    public record Group(String strategy, String sampler, List<Run> runs) {
        public int trials() {
            return runs.stream().mapToInt(Run::trials).min().orElse(0);
        }

        public double medianBestAfter(int k) {
            return median(runs.stream().mapToDouble(r -> r.bestAfter(k)).toArray());
        }

        /** The median of the runs' trials to reach {@code target}; a run that never did counts as more than any. */
        public double medianTrialsToReach(double target, boolean maximize) {
            return median(runs.stream().mapToDouble(r -> {
                int k = r.trialsToReach(target, maximize);
                return k == 0 ? Double.POSITIVE_INFINITY : k;
            }).toArray());
        }
    }

    private SamplerComparison() {
    }

    public static Run run(SweepRecord sweep, String strategy, String sampler, List<TrialRecord> trials, boolean maximize) {
        int drawn = trials.stream().mapToInt(TrialRecord::number).max().orElse(-1) + 1;
        double[] best = new double[drawn];
        Arrays.fill(best, Double.NaN);
        for (TrialRecord t : trials) {
            if (t.state() == TrialState.COMPLETE && t.objectiveValue() != null) {
                double v = t.objectiveValue();
                if (Double.isNaN(best[t.number()]) || (maximize ? v > best[t.number()] : v < best[t.number()])) {
                    best[t.number()] = v;
                }
            }
        }
        for (int k = 1; k < drawn; k++) {
            if (!Double.isNaN(best[k - 1]) && (Double.isNaN(best[k]) || (maximize ? best[k - 1] > best[k] : best[k - 1] < best[k]))) {
                best[k] = best[k - 1];
            }
        }
        return new Run(sweep.name(), strategy, sampler, sweep.seed(), best);
    }

    public static List<Group> groups(List<Run> runs) {
        Map<String, List<Run>> byStrategy = new LinkedHashMap<>();
        runs.forEach(r -> byStrategy.computeIfAbsent(r.strategy(), s -> new ArrayList<>()).add(r));
        return byStrategy.values().stream().map(g -> new Group(g.get(0).strategy(), g.get(0).sampler(), List.copyOf(g))).toList();
    }

    /**
     * The page. The yardstick, where a random group is among them, is random search's median best after all its
     * trials: how many trials each strategy needs to reach it is the question a sampler comparison asks.
     */
    public static SweepReport.Result page(List<Run> runs, String metric, boolean maximize) {
        List<Group> groups = groups(runs);
        ReportPage page = new ReportPage("Sweeps compared");
        page.paragraph(runs.size() + " sweeps in " + groups.size() + " groups by strategy, objective " + metric + " ("
                + (maximize ? "maximize" : "minimize") + "). Trials count in the order they were drawn; a sweep's best "
                + "so far is over its completed trials.");
        Group random = groups.stream().filter(g -> g.sampler().equals(RANDOM)).findFirst().orElse(null);
        Double yardstick = random == null ? null : random.medianBestAfter(random.trials());

        int longest = groups.stream().mapToInt(Group::trials).max().orElse(0);
        List<Integer> checkpoints = checkpoints(longest);
        page.heading("Median best so far, by strategy");
        List<String> header = new ArrayList<>(List.of("strategy", "sweeps"));
        checkpoints.forEach(k -> header.add("after " + k));
        if (yardstick != null) {
            header.add("trials to reach " + SweepReport.format(yardstick));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Group g : groups) {
            List<String> row = new ArrayList<>(List.of(g.strategy(), String.valueOf(g.runs().size())));
            checkpoints.forEach(k -> row.add(k <= g.trials() ? SweepReport.format(g.medianBestAfter(k)) : "-"));
            if (yardstick != null) {
                double k = g.medianTrialsToReach(yardstick, maximize);
                row.add(Double.isInfinite(k) ? "not within " + g.trials() : SweepReport.format(k));
            }
            rows.add(row);
        }
        page.table(header, rows);
        if (yardstick != null) {
            page.paragraph("The yardstick is random search's median best after its " + random.trials()
                    + " trials. A strategy's trials to reach it are the median over its sweeps; a sweep that never "
                    + "reached it counts as more than any.");
        }
        page.image("median best so far by strategy", Charts.png(Charts.bestSoFarByGroup(groups, metric, yardstick)));

        page.heading("Each sweep");
        List<String> runHeader = new ArrayList<>(List.of("sweep", "strategy", "seed", "trials"));
        checkpoints.forEach(k -> runHeader.add("after " + k));
        if (yardstick != null) {
            runHeader.add("trials to reach " + SweepReport.format(yardstick));
        }
        List<List<String>> runRows = new ArrayList<>();
        for (Run r : runs) {
            List<String> row = new ArrayList<>(List.of(r.sweep(), r.strategy(), String.valueOf(r.seed()), String.valueOf(r.trials())));
            checkpoints.forEach(k -> row.add(k <= r.trials() ? SweepReport.format(r.bestAfter(k)) : "-"));
            if (yardstick != null) {
                int k = r.trialsToReach(yardstick, maximize);
                row.add(k == 0 ? "not within " + r.trials() : String.valueOf(k));
            }
            runRows.add(row);
        }
        page.table(runHeader, runRows);
        return page.finish();
    }

    /** A quarter, half and all of the trials: 10, 20 and 40 for a 40-trial comparison. */
    static List<Integer> checkpoints(int trials) {
        return java.util.stream.IntStream.of(trials / 4, trials / 2, trials).filter(k -> k > 0).distinct().boxed().toList();
    }

    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
