package dev.sweep.cli;

import dev.sweep.config.SweepDefinition;
import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --parallel}, shared by {@code run} and {@code resume}. */
final class LaunchOptions {
    @Option(names = "--quiet", description = "print only the summary")
    boolean quiet;

    @Option(names = "--parallel", paramLabel = "N",
            description = "trials side by side, one core each (overrides the file's parallel); e.g. 2 on a 2-core machine")
    Integer parallel;

    SweepDefinition apply(SweepDefinition definition) {
        return parallel == null ? definition : definition.withParallel(Parallelism.check(parallel));
    }
}
