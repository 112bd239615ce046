package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One grid sweep over an MLP and LeNet-5 on real MNIST: planned as a tree, stored per architecture, queried and exported. */
class MixedArchitectureSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("experiments").toString();
    }

    private Path sweepFile() throws IOException {
        Path file = dir.resolve("mixed.yaml");
        Files.writeString(file, """
                name: mixed
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: {values: [mlp, lenet5]}
                strategy: {type: grid}
                parameters:
                  epochs: 1
                  optimizer: {values: [adam, sgd]}
                  momentum: {values: [0.5, 0.9], when: {optimizer: sgd}}
                  mlp: {units: {values: [16, 32]}}
                  lenet5: {filters_1: {values: [4, 6]}}
                """);
        return file;
    }

    private JsonNode leaderboard(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("leaderboard", "--sweep", "mixed", "--format", "json", "--db", db()));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        return JSON.readTree(cli.out());
    }

    private static Map<String, String> searched(TrialRecord trial) {
        return trial.parameterSources().entrySet().stream().filter(e -> e.getValue().equals("searched"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> trial.parameters().get(e.getKey())));
    }

    @Test
    void eachArchitectureIsPlannedAsABranchTrainedWithOnlyItsOwnParametersAndQueryableByName() throws IOException {
        Path file = sweepFile();
        Cli plan = Cli.run("plan", file.toString(), "--no-estimate");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("12 grid points").contains("architectures mlp, lenet5")
                .containsPattern("├─ mlp\\s+6 grid points").containsPattern("└─ lenet5\\s+6 grid points");

        Cli run = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TrialRecord> trials;
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            trials = store.trials(store.findSweep("mixed").orElseThrow().id());
        }
        assertThat(trials).hasSize(12).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(trials).extracting(TrialRecord::architecture).containsOnly("mlp", "lenet5")
                .filteredOn("mlp"::equals).hasSize(6);
        for (TrialRecord t : trials) {
            boolean sgd = t.parameters().get("optimizer").equals("sgd");
            String own = t.architecture().equals("mlp") ? "units" : "filters_1";
            String other = t.architecture().equals("mlp") ? "filters_1" : "units";
            assertThat(searched(t).keySet()).as("trial %d", t.id())
                    .containsExactlyInAnyOrderElementsOf(sgd ? List.of("optimizer", "momentum", own) : List.of("optimizer", own));
            assertThat(t.parameterSources().get("momentum")).isEqualTo(sgd ? "searched" : "inactive");
            assertThat(t.parameters()).doesNotContainKey(other).doesNotContainKey("architecture");
        }
        assertThat(trials).extracting(t -> t.architecture() + " " + searched(t).getOrDefault("units", searched(t).get("filters_1"))
                        + " " + t.parameters().get("optimizer") + " " + searched(t).getOrDefault("momentum", "-"))
                .containsExactlyInAnyOrder(
                        "mlp 16 adam -", "mlp 16 sgd 0.5", "mlp 16 sgd 0.9", "mlp 32 adam -", "mlp 32 sgd 0.5", "mlp 32 sgd 0.9",
                        "lenet5 4 adam -", "lenet5 4 sgd 0.5", "lenet5 4 sgd 0.9", "lenet5 6 adam -", "lenet5 6 sgd 0.5", "lenet5 6 sgd 0.9");

        Cli table = Cli.run("leaderboard", "--sweep", "mixed", "--db", db());
        assertThat(table.out().lines().skip(2)).hasSize(12)
                .allSatisfy(line -> assertThat(line).containsPattern(" (mlp|lenet5) "));
        assertThat(leaderboard("--arch", "lenet5")).hasSize(6)
                .allSatisfy(row -> assertThat(row.get("architecture").asText()).isEqualTo("lenet5"));
        JsonNode wide = leaderboard("--where", "architecture = 'mlp' and units = 32");
        assertThat(wide).hasSize(3).allSatisfy(row -> assertThat(row.get("architecture").asText()).isEqualTo("mlp"));
    }

    @Test
    void theBestOfAMixedSweepAndATrialOfTheOtherArchitectureExportAndEvaluateToTheirStoredAccuracy() throws IOException {
        Path file = sweepFile();
        assertThat(Cli.run("run", file.toString(), "--db", db(), "--quiet").exitCode()).isZero();
        JsonNode rows = leaderboard();
        JsonNode best = rows.get(0);
        JsonNode other = null;
        for (JsonNode row : rows) {
            if (!row.get("architecture").asText().equals(best.get("architecture").asText())) {
                other = row;
                break;
            }
        }
        assertThat(other).as("a trial of the other architecture in %s", rows).isNotNull();

        Path bestZip = dir.resolve("best.zip");
        Cli exportBest = Cli.run("export", "--sweep", "mixed", "--out", bestZip.toString(), "--db", db());
        assertThat(exportBest.exitCode()).as(exportBest.toString()).isZero();
        Path otherZip = dir.resolve("other.zip");
        Cli exportOther = Cli.run("export", "--trial", other.get("trial").asText(), "--out", otherZip.toString(), "--db", db());
        assertThat(exportOther.exitCode()).as(exportOther.toString()).isZero();

        for (var pair : List.of(Map.entry(bestZip, best), Map.entry(otherZip, other))) {
            JsonNode row = pair.getValue();
            JsonNode provenance = JSON.readTree(pair.getKey().resolveSibling(
                    pair.getKey().getFileName().toString().replace(".zip", ".json")).toFile());
            assertThat(provenance.get("trial_id").asLong()).isEqualTo(row.get("trial").asLong());
            assertThat(provenance.get("architecture").asText()).isEqualTo(row.get("architecture").asText());
            Cli evaluate = Cli.run("evaluate", pair.getKey().toString(), "--format", "json");
            assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
            assertThat(JSON.readTree(evaluate.out()).get("test_accuracy").asDouble())
                    .isEqualTo(row.get("test_accuracy").asDouble());
        }
    }
}
