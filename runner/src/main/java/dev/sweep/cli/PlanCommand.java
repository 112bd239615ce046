package dev.sweep.cli;

import dev.sweep.config.FirstTrials;
import dev.sweep.config.StrategySpec;
import dev.sweep.config.SweepDefinition;
import dev.sweep.config.SweepFileLoader;
import dev.sweep.run.ExecutorTypes;
import dev.sweep.run.SweepPlan;
import dev.sweep.space.ParameterSpec;
import dev.sweep.train.TrainerParameters;
import dev.sweep.space.ParameterValues;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Validate a sweep file and show what it will run: the resolved space, the number of trials or grid "
                + "points, the first candidates and a time estimate. Trains nothing and writes no database.")
final class PlanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the sweep file")
    Path file;

    @Option(names = "--no-estimate", description = "skip the few timed training steps behind the time estimate")
    boolean noEstimate;

    @Spec
    CommandSpec spec;

    private final SweepFileLoader loader;
    private final SweepPlan planner;
    private final ExecutorTypes executors;

    @Inject
    PlanCommand(SweepFileLoader loader, SweepPlan planner, ExecutorTypes executors) {
        this.loader = loader;
        this.planner = planner;
        this.executors = executors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SweepDefinition sweep = loader.load(file);
        SweepPlan.Plan plan = planner.plan(sweep, !noEstimate);
        out.printf("%s is valid: sweep '%s', %s %s, %s search, %d %s, seed %d, objective %s (%s)%n", file,
                sweep.name(), sweep.branches().mixed() ? "architectures" : "architecture", sweep.architectureLabel(), sweep.strategy().name(), plan.trials(),
                (sweep.strategy().type().plansItsOwnTrials() ? "grid point" : "trial") + (plan.trials() == 1 ? "" : "s"), sweep.seed(),
                sweep.objective().metric(), sweep.objective().goal().yamlName());
        out.printf("Data: %s; %,d training, %,d validation, %,d test images of %dx%dx%d (height, width, channels), %d classes%n",
                sweep.dataset().describe(), plan.trainImages(), plan.validationImages(), plan.testImages(), plan.input().height(),
                plan.input().width(), plan.input().channels(), plan.input().classes());
        if (sweep.maxFailures() != null) {
            out.printf("Stops after %d failed trials (max_failures)%n", sweep.maxFailures());
        }
        if (sweep.budget() != null) {
            out.printf("Starts no trial once %s of trials have run, over all its runs (budget); running trials finish%n",
                    dev.sweep.config.TimeBudget.format(sweep.budget()));
        }
        if (sweep.repeats() > 1) {
            out.printf("Each trial trains %d times with different seeds; its objective is their mean (repeats)%n", sweep.repeats());
        }
        if (sweep.parallel() > 1) {
            out.printf("Runs %d trials side by side (parallel)%s%n", sweep.parallel(), sweep.strategy().reproducible()
                    ? "; on a fixed schedule (strategy.reproducible): trial k starts once trials 0.." + "k-" + sweep.parallel()
                    + " have ended, and learns from those only" : "");
        }
        samplerLines(sweep, plan.trials()).forEach(out::println);
        if (sweep.pruner() != null) {
            out.printf("Pruner: %s%n", sweep.pruner().create(sweep.maxEpochs()).describe());
        }
        String where = executors.get(sweep.executor().type()).plans(sweep.executor());
        if (where != null) {
            out.println(where);
        }
        out.println();
        SpaceTree.of(plan, sweep.strategy().type().plansItsOwnTrials()).print(out);
        out.println();
        for (int i = 0; i < plan.firstCandidates().size(); i++) {
            out.printf("Candidate #%d: %s%s%n", i, describe(plan.firstCandidates().get(i)),
                    i < plan.trainImagesPerSecond().size()
                            ? String.format(" (trains at %,.0f images/s here)", plan.trainImagesPerSecond().get(i)) : "");
            if (plan.inputProblems().get(i) != null) {
                out.printf("  will fail: %s%n", plan.inputProblems().get(i));
            }
        }
        if (!noEstimate && Double.isNaN(plan.estimatedSeconds())) {
            out.println("Estimated time: unknown, as the first candidate cannot run on these images");
        } else if (!noEstimate) {
            out.printf("Estimated time: about %s for %d trials (from a few timed steps; evaluation counted at 3x training "
                    + "speed)%n", ConsoleProgress.duration(plan.estimatedSeconds()), plan.trials());
            int side = Math.max(1, sweep.parallel());
            long allowed = sweep.budget() == null ? plan.trials()
                    : (long) Math.floor(plan.trials() * (double) sweep.budget().toSeconds() * side / plan.estimatedSeconds());
            if (allowed < plan.trials()) {
                out.printf("The budget of %s allows about %d of them at that pace, %d side by side%n",
                        dev.sweep.config.TimeBudget.format(sweep.budget()), allowed, side);
            }
        }
        out.printf("Run it: ./sweep run %s%n", file);
        out.flush();
        return 0;
    }

    /** The sampler, its settings, which trials are given first, and which it draws at random before it learns. */
    private static List<String> samplerLines(SweepDefinition sweep, int trials) {
        StrategySpec strategy = sweep.strategy();
        List<String> lines = new ArrayList<>();
        lines.add("Sampler: " + strategy.name() + ", " + strategy.type().description() + (strategy.settings().isEmpty() ? ""
                : "; settings " + strategy.settings().entrySet().stream().map(e -> e.getKey() + " " + ParameterValues.format(e.getValue()))
                .collect(Collectors.joining(", "))));
        FirstTrials first = sweep.firstTrials();
        int given = first.enqueued().size();
        if (given > 0) {
            lines.add("  " + range(0, given) + " enqueued (enqueue), the sampler drawing the keys they leave out");
        }
        if (first.warmStart() != null) {
            lines.add("  " + range(given, given + first.warmStart().top()) + " the best " + first.warmStart().top()
                    + " complete trials of sweep '" + first.warmStart().from() + "' (warm_start), read when the sweep runs; "
                    + "their results join the history");
            given += first.warmStart().top();
        }
        OptionalInt startup = strategy.type().startupTrials(strategy.settings());
        List<List<Integer>> groups = groups(sweep, given, trials);
        if (startup.isPresent() && groups.size() > 1) {
            int random = groups.stream().mapToInt(g -> Math.min(g.size(), startup.getAsInt())).sum();
            lines.add("  under the pruner, trials learn only from their own group (" + groups.size() + " Hyperband brackets of "
                    + groups.stream().map(g -> String.valueOf(g.size())).collect(Collectors.joining(", ")) + " trials): each "
                    + "draws its first " + startup.getAsInt() + " at random (startup), " + random + " in all, and suggests the "
                    + "rest from its own finished trials");
        } else if (startup.isPresent()) {
            int random = Math.min(Math.max(startup.getAsInt(), given), trials);
            if (random > given) {
                lines.add("  " + range(given, random) + " drawn at random (startup)");
            }
            if (random < trials) {
                lines.add("  " + range(random, trials) + " suggested from the finished trials");
            }
        }
        return lines;
    }

    /** The trials from {@code from} on, split into the groups the pruner keeps apart: one group without such a pruner. */
    private static List<List<Integer>> groups(SweepDefinition sweep, int from, int trials) {
        dev.sweep.prune.Pruner pruner = sweep.pruner() == null ? null : sweep.pruner().create(sweep.maxEpochs());
        List<List<Integer>> groups = new ArrayList<>();
        for (int number = from; number < trials; number++) {
            int n = number;
            List<Integer> group = groups.stream().filter(g -> pruner == null || pruner.competesWith(n, g.get(0))).findFirst().orElse(null);
            if (group == null) {
                group = new ArrayList<>();
                groups.add(group);
            }
            group.add(number);
        }
        return groups;
    }

    private static String range(int from, int to) {
        return to - from == 1 ? "trial #" + from : "trials #" + from + "..#" + (to - 1);
    }

    /** The most epochs a trial of the sweep can train: Hyperband's largest budget. */

    private static String describe(Map<String, Object> candidate) {
        return candidate.isEmpty() ? "(the defaults)" : candidate.entrySet().stream()
                .map(e -> e.getKey() + "=" + ParameterValues.format(e.getValue())).collect(Collectors.joining(" "));
    }
}
