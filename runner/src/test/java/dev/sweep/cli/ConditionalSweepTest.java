package dev.sweep.cli;

import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep with a conditional parameter, end to end on real MNIST: planned by branch, trained, stored as active or not. */
class ConditionalSweepTest {
    @TempDir
    Path dir;

    @Test
    void momentumSearchedOnlyForSgdIsStoredInactiveForAdamAndShownAsADash() throws IOException {
        Path file = dir.resolve("momentum.yaml");
        Files.writeString(file, """
                name: momentum
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: mlp
                strategy: {type: grid}
                parameters:
                  units: 16
                  optimizer: {values: [adam, sgd]}
                  momentum: {values: [0.5, 0.9], when: {optimizer: sgd}}
                """);
        String db = dir.resolve("experiments").toString();

        Cli plan = Cli.run("plan", file.toString(), "--no-estimate");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("3 grid points").contains("one of 0.5, 0.9, when optimizer = sgd");

        Cli run = Cli.run("run", file.toString(), "--db", db, "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TrialRecord> trials;
        try (ExperimentStore store = ExperimentStore.openForReading(db)) {
            trials = store.trials(store.findSweep("momentum").orElseThrow().id());
        }
        assertThat(trials).hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        TrialRecord adam = trials.stream().filter(t -> t.parameters().get("optimizer").equals("adam")).findFirst().orElseThrow();
        assertThat(adam.parameterSources()).containsEntry("momentum", "inactive");
        assertThat(adam.configJson()).contains("\"inactive\" : [ \"momentum\" ]");
        assertThat(trials).filteredOn(t -> t.parameters().get("optimizer").equals("sgd"))
                .extracting(t -> t.parameters().get("momentum") + "/" + t.parameterSources().get("momentum"))
                .containsExactlyInAnyOrder("0.5/searched", "0.9/searched");

        Cli leaderboard = Cli.run("leaderboard", "--sweep", "momentum", "--db", db);
        assertThat(leaderboard.exitCode()).as(leaderboard.toString()).isZero();
        java.util.List<String> header = java.util.List.of(leaderboard.out().lines().findFirst().orElseThrow().strip().split("\\s+"));
        String[] adamRow = leaderboard.out().lines().filter(l -> l.contains(" adam ")).findFirst().orElseThrow().strip().split("\\s+");
        assertThat(adamRow[header.indexOf("momentum")]).as("adam's momentum column").isEqualTo("-");
        Cli show = Cli.run("show", Long.toString(adam.id()), "--db", db);
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).containsPattern("momentum\\s+-\\s+inactive");
    }
}
