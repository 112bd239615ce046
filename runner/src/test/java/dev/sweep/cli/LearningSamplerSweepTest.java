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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A TPE sweep through the real CLI, runner and H2 store, on a small slice of MNIST. */
class LearningSamplerSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tpeStartsRandomThenSuggestsFromTheStoredTrialsAndEachTrialRecordsWhatItSaw() throws IOException {
        Path file = dir.resolve("tpe.yaml");
        Files.writeString(file, """
                name: tpe-small
                dataset: {name: mnist, train_limit: 500, validation: 200}
                architecture: mlp
                strategy: {type: tpe, trials: 6, startup_trials: 3}
                parameters:
                  epochs: 1
                  learning_rate: {float: [1.0e-4, 1.0e-1], scale: log}
                  units: {int: [16, 128], step: 16}
                  optimizer: {values: [adam, sgd]}
                  momentum: {values: [0.5, 0.9], when: {optimizer: sgd}}
                """);
        String db = dir.resolve("experiments").toString();
        Cli plan = Cli.run("plan", file.toString(), "--no-estimate");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("tpe search, 6 trials").contains("settings startup_trials 3, ei_candidates 24")
                .contains("  trials #0..#2 drawn at random (startup)\n  trials #3..#5 suggested from the finished trials");
        Path bracketed = Files.writeString(dir.resolve("bracketed.yaml"), Files.readString(file).replace("trials: 6", "trials: 17")
                .replace("  epochs: 1", "  epochs: 9") + "pruner: {type: hyperband}\n");
        Cli brackets = Cli.run("plan", bracketed.toString(), "--no-estimate");
        assertThat(brackets.exitCode()).as(brackets.toString()).isZero();
        assertThat(brackets.out()).contains("under the pruner, trials learn only from their own group (3 Hyperband brackets of 9, 5, 3 "
                + "trials): each draws its first 3 at random (startup), 9 in all").doesNotContain("trials #0..#2 drawn at random");

        Cli run = Cli.run("run", file.toString(), "--db", db, "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<TrialRecord> trials;
        try (ExperimentStore store = ExperimentStore.openForReading(db)) {
            trials = store.trials(store.findSweep("tpe-small").orElseThrow().id());
        }
        assertThat(trials).hasSize(6).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        for (TrialRecord t : trials) {
            JsonNode sampler = JSON.readTree(t.configJson()).get("sampler");
            assertThat(sampler.get("type").asText()).isEqualTo("tpe");
            assertThat(sampler.get("basis").asText()).as("trial %d", t.number()).isEqualTo(t.number() < 3 ? "startup" : "model");
            assertThat(sampler.path("saw").size()).as("a trial run alone saw every trial before it").isEqualTo(t.number());
            assertThat(Double.parseDouble(t.parameters().get("learning_rate"))).isBetween(1e-4, 1e-1);
            assertThat(Integer.parseInt(t.parameters().get("units")) % 16).isZero();
            assertThat(t.parameterSources().get("momentum")).isEqualTo(t.parameters().get("optimizer").equals("sgd") ? "searched" : "inactive");
        }
        Cli show = Cli.run("show", Long.toString(trials.get(5).id()), "--db", db);
        assertThat(show.out()).contains("Suggested by tpe (model), from the 5 finished trials #0..#4");

        Cli bad = Cli.run("plan", Files.writeString(dir.resolve("bad.yaml"), Files.readString(file)
                .replace("startup_trials: 3", "startup_trails: 3")).toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("startup_trails is not a setting of tpe search. Did you mean 'startup_trials'?")
                .contains("its keys are: type, trials, reproducible, startup_trials, ei_candidates");
    }

    @Test
    void aSweepWarmStartedFromAnotherTriesItsBestFirstAndShowSaysWhatTheModelLearnedFrom() throws IOException {
        String db = dir.resolve("experiments").toString();
        String space = """
                dataset: {name: mnist, train_limit: 500, validation: 200}
                architecture: mlp
                parameters:
                  epochs: 1
                  learning_rate: {float: [1.0e-4, 1.0e-1], scale: log}
                  units: {int: [16, 128], step: 16}
                """;
        Path first = Files.writeString(dir.resolve("first.yaml"), "name: first\nstrategy: {type: random, trials: 4}\n" + space);
        assertThat(Cli.run("run", first.toString(), "--db", db, "--quiet").exitCode()).isZero();
        Path warm = Files.writeString(dir.resolve("warm.yaml"), "name: warm\nstrategy: {type: tpe, trials: 4, startup_trials: 3}\n"
                + "enqueue: [{units: 128}]\nwarm_start: {from: first, top: 2}\n" + space);
        Cli plan = Cli.run("plan", warm.toString(), "--no-estimate");
        assertThat(plan.out()).as(plan.toString()).contains("  trial #0 enqueued (enqueue)")
                .contains("  trials #1..#2 the best 2 complete trials of sweep 'first' (warm_start)")
                .contains("  trial #3 suggested from the finished trials").contains("Candidate #0: epochs=1 learning_rate=")
                .containsPattern("Candidate #0: [^\n]*units=128");
        Cli run = Cli.run("run", warm.toString(), "--db", db, "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Cli best = Cli.run("leaderboard", "--sweep", "first", "--top", "2", "--format", "json", "--db", db);
        JsonNode firstBest = JSON.readTree(best.out());
        List<TrialRecord> trials;
        try (ExperimentStore store = ExperimentStore.openForReading(db)) {
            trials = store.trials(store.findSweep("warm").orElseThrow().id());
        }
        assertThat(trials.get(0).parameters()).containsEntry("units", "128");
        for (int i = 0; i < 2; i++) {
            assertThat(trials.get(1 + i).parameters().get("learning_rate")).as("candidate #%d", 1 + i)
                    .isEqualTo(firstBest.get(i).get("parameters").get("learning_rate").asText());
        }
        Cli show = Cli.run("show", Long.toString(trials.get(3).id()), "--db", db);
        assertThat(show.out()).contains("Suggested by tpe (model), from the 3 finished trials #0..#2 and 2 warm-start results");

        Path nowhere = Files.writeString(dir.resolve("nowhere.yaml"), Files.readString(warm).replace("name: warm", "name: nowhere")
                .replace("from: first", "from: frist"));
        Cli refused = Cli.run("run", nowhere.toString(), "--db", db, "--quiet");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(nowhere.toString()).contains("warm_start.from: no sweep named 'frist'")
                .contains("known: first, warm");

        Path fresh = dir.resolve("fresh");
        Cli noDatabase = Cli.run("run", nowhere.toString(), "--db", fresh.toString(), "--quiet");
        assertThat(noDatabase.exitCode()).as(noDatabase.toString()).isEqualTo(2);
        assertThat(noDatabase.err()).contains("warm_start.from: no sweep named 'frist': there is no database at " + fresh + " yet");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("nothing created").noneMatch(n -> n.startsWith("fresh"));
        }
    }
}
