package dev.sweep.cli;

import dev.sweep.config.ExecutorSpec;
import dev.sweep.config.SweepDefinition;
import dev.sweep.run.ExecutorType;
import dev.sweep.run.ExecutorTypes;
import picocli.CommandLine.Option;

/**
 * {@code --quiet}, {@code --parallel}, {@code --executor}, {@code --master} and {@code --budget}, shared by {@code run}
 * and {@code resume}.
 */
final class LaunchOptions {
    @Option(names = "--quiet", description = "print only the summary")
    boolean quiet;

    @Option(names = "--parallel", paramLabel = "N",
            description = "trials side by side, one core each (overrides the file's parallel); e.g. 2 on a 2-core machine")
    Integer parallel;

    @Option(names = "--executor", paramLabel = "NAME",
            description = "what runs the trials (overrides the file's executor): local, this process; spark, a Spark master; or a plugin's")
    String executor;

    @Option(names = "--budget", paramLabel = "DURATION",
            description = "how long the sweep, over all its runs, may go on starting trials (overrides the file's budget): "
                    + "90s, 30m, 1.5h; running trials finish")
    String budget;

    @Option(names = "--master", paramLabel = "URL",
            description = "the master of an executor that has one (spark: local[N], spark://HOST:PORT, yarn, k8s://URL); alone, it means --executor spark")
    String master;

    private static final String MASTER = "master";
    private static final String SPARK = "spark";

    SweepDefinition apply(SweepDefinition definition, ExecutorTypes executors) {
        SweepDefinition applied = parallel == null ? definition : definition.withParallel(Parallelism.check(parallel));
        if (budget != null) {
            StringBuilder problem = new StringBuilder();
            java.time.Duration given = dev.sweep.config.TimeBudget.parse(budget, problem);
            if (given == null) {
                throw new UserInputException("--budget: " + problem + ". Fix: give it with its unit, e.g. --budget 30m (s, m or h)");
            }
            applied = applied.withBudget(given);
        }
        if (executor == null && master == null) {
            return applied;
        }
        ExecutorSpec inFile = definition.executor();
        String name = executor != null ? executor : hasMaster(executors.get(inFile.type())) ? inFile.type() : SPARK;
        ExecutorType type = executors.find(name).orElseThrow(() -> new UserInputException("--executor is one of "
                + String.join(", ", executors.names()) + ", not '" + name + "'"));
        if (master != null && !hasMaster(type)) {
            throw new UserInputException("--master is for an executor that has a master (spark); the " + name
                    + " executor has none");
        }
        ExecutorSpec chosen = inFile.type().equals(name) ? inFile : new ExecutorSpec(name, defaults(type), java.util.Map.of());
        if (master != null) {
            chosen = chosen.with(MASTER, master);
        } else if (hasMaster(type) && chosen.text(MASTER) == null && System.getProperty("spark.master") != null) {
            chosen = chosen.with(MASTER, System.getProperty("spark.master")); // spark-submit's --master arrives so
        }
        if (hasMaster(type) && chosen.text(MASTER) == null) {
            throw new UserInputException("--executor " + name + " needs --master URL, e.g. --master \"local[2]\" or --master spark://HOST:7077");
        }
        java.util.List<ExecutorType.Problem> problems = type.problemsWith(chosen.settings(), chosen.conf());
        if (!problems.isEmpty()) {
            throw new UserInputException("--executor " + name + ": " + problems.get(0).message() + ". Fix: "
                    + problems.get(0).fix().replace("master:", "--master"));
        }
        return applied.withExecutor(chosen);
    }

    private static boolean hasMaster(ExecutorType type) {
        return type.settings().stream().anyMatch(s -> s.name().equals(MASTER));
    }

    private static java.util.Map<String, Object> defaults(ExecutorType type) {
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
        type.settings().forEach(s -> settings.put(s.name(), s.defaultValue()));
        return settings;
    }
}
