package dev.sweep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The time budget through the real command line: from the file, from --budget, and refused when malformed. */
class TimeBudgetCommandLineTest {
    @TempDir
    Path dir;

    private Path file(String budget) throws IOException {
        return Files.writeString(dir.resolve("budget.yaml"), """
                name: budget
                dataset: {name: mnist, train_limit: 300, validation: 100}
                architecture: mlp
                strategy: {type: random, trials: 40}
                %s
                parameters:
                  epochs: 1
                  units: {values: [16, 32]}
                """.formatted(budget));
    }

    @Test
    void aSweepStopsStartingTrialsWhenItsBudgetIsSpentSaysSoAndResumesWithALargerOne() throws IOException {
        Path file = file("budget: 2s");
        String db = dir.resolve("experiments").toString();
        Cli plan = Cli.run("plan", file.toString(), "--no-estimate");
        assertThat(plan.out()).contains("Starts no trial once 2s of trials have run, over all its runs (budget)");

        Cli run = Cli.run("run", file.toString(), "--db", db, "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("Time budget 2s: [0-9.]+ s used in all runs; spent, with [0-9]+ trials not started")
                .contains("--budget LONGER");

        Cli more = Cli.run("resume", "budget", "--db", db, "--quiet", "--budget", "4s");
        assertThat(more.exitCode()).as(more.toString()).isZero();
        assertThat(more.out()).containsPattern("Sweep 'budget': [1-9][0-9]* complete").contains("Time budget 4s:");
    }

    @Test
    void aMalformedBudgetIsALocatedErrorOrAnOptionErrorWithTheFix() throws IOException {
        Cli inFile = Cli.run("plan", file("budget: 30 minutes").toString(), "--no-estimate");
        assertThat(inFile.exitCode()).isEqualTo(2);
        assertThat(inFile.err()).contains("budget.yaml:5:").contains("budget: '30 minutes' is not a duration").contains("budget: 30m");
        Cli option = Cli.run("run", file("").toString(), "--db", dir.resolve("db").toString(), "--budget", "30");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("--budget: '30' is not a duration. Fix: give it with its unit");
        assertThat(dir.resolve("db.mv.db")).doesNotExist();
    }
}
