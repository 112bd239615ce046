package dev.sweep.cli;

import dev.sweep.config.ExecutorSpec;
import dev.sweep.config.SweepDefinition;
import picocli.CommandLine.Option;

/** {@code --quiet}, {@code --parallel}, {@code --executor} and {@code --master}, shared by {@code run} and {@code resume}. */
final class LaunchOptions {
    @Option(names = "--quiet", description = "print only the summary")
    boolean quiet;

    @Option(names = "--parallel", paramLabel = "N",
            description = "trials side by side, one core each (overrides the file's parallel); e.g. 2 on a 2-core machine")
    Integer parallel;

    @Option(names = "--executor", paramLabel = "local|spark",
            description = "what runs the trials (overrides the file's executor): local, this process; spark, a Spark master")
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "the Spark master for --executor spark: local[N], spark://HOST:PORT, yarn, k8s://URL")
    String master;

    SweepDefinition apply(SweepDefinition definition) {
        SweepDefinition applied = parallel == null ? definition : definition.withParallel(Parallelism.check(parallel));
        if (executor == null && master == null) {
            return applied;
        }
        String type = executor != null ? executor : ExecutorSpec.SPARK;
        if (!ExecutorSpec.TYPES.contains(type)) {
            throw new UserInputException("--executor is local or spark, not '" + executor + "'");
        }
        if (type.equals(ExecutorSpec.LOCAL)) {
            if (master != null) {
                throw new UserInputException("--master is for --executor spark; the local executor runs trials in this process");
            }
            return applied.withExecutor(ExecutorSpec.IN_PROCESS);
        }
        ExecutorSpec inFile = definition.executor();
        // Under spark-submit, its --master arrives as the spark.master property.
        String url = master != null ? master : inFile.isSpark() ? inFile.master() : System.getProperty("spark.master");
        if (url == null) {
            throw new UserInputException("--executor spark needs --master URL, e.g. --master \"local[2]\" or --master spark://HOST:7077");
        }
        return applied.withExecutor(inFile.isSpark() ? new ExecutorSpec(ExecutorSpec.SPARK, url, inFile.conf(), inFile.shipData())
                : ExecutorSpec.spark(url));
    }
}
