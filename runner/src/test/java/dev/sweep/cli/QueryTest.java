package dev.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Querying stored trials: --where, --order-by, sql, show and compare, and nothing they accept can change the database. */
class QueryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String db() {
        return dir.resolve("experiments").toString();
    }

    @BeforeAll
    static void aSmallGridOfFourTrials() throws IOException {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, """
                name: grid
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: mlp
                strategy: {type: grid}
                parameters:
                  optimizer: {values: [adam, sgd]}
                  units: {values: [16, 48]}
                """);
        Cli run = Cli.run("run", file.toString(), "--db", db(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** Every stored row, as text: the database is unchanged when this is. */
    private static String snapshot() {
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            return store.leaderboard(null, Integer.MAX_VALUE).stream()
                    .map(t -> t.id() + "|" + t.state() + "|" + t.valAccuracy() + "|" + t.parameters() + "|" + store.epochs(t.id()).size())
                    .collect(Collectors.joining("\n")) + "\n" + store.sweeps().size();
        }
    }

    private static JsonNode json(String... args) throws IOException {
        Cli cli = Cli.run(args);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        return JSON.readTree(cli.out());
    }

    @Test
    void whereSelectsOnMetricsAndParametersAndOrderBySorts() throws IOException {
        JsonNode adam = json("leaderboard", "--db", db(), "--format", "json", "--where", "optimizer = 'adam' and val_accuracy > 0");
        assertThat(adam).hasSize(2);
        assertThat(adam).allSatisfy(row -> assertThat(row.get("parameters").get("optimizer").asText()).isEqualTo("adam"));
        JsonNode wide = json("leaderboard", "--db", db(), "--format", "json", "--where", "units >= 48 or (optimizer = 'sgd' and units < 20)");
        assertThat(wide).hasSize(3);
        JsonNode byUnits = json("leaderboard", "--db", db(), "--format", "json", "--order-by", "units desc", "--top", "2");
        assertThat(byUnits).extracting(r -> r.get("parameters").get("units").asText()).containsExactly("48", "48");
        JsonNode mlp = json("leaderboard", "--db", db(), "--format", "json", "--arch", "mlp");
        assertThat(mlp).hasSize(4);
        assertThat(json("leaderboard", "--db", db(), "--format", "json", "--arch", "cnn")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "val_accuracy > 0; DROP TABLE trial",
            "val_accuracy > 0 or 1=1",
            "optimizer = 'adam' -- comment",
            "1 = 1",
            "optimizer = 'adam'; DELETE FROM trial",
            "val_acc > 0.5",
            "state = 'COMPLETE' union select * from trial"})
    void whereRejectsAnythingButConditionsAndChangesNothing(String where) {
        String before = snapshot();
        Cli cli = Cli.run("leaderboard", "--db", db(), "--where", where);
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: --where: ");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void sqlReadsTheDocumentedViews() throws IOException {
        JsonNode rows = json("sql", "SELECT optimizer.value_text AS optimizer, COUNT(*) AS trials FROM trial_params optimizer "
                + "WHERE optimizer.name = 'optimizer' GROUP BY optimizer.value_text ORDER BY optimizer", "--format", "json", "--db", db());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("optimizer").asText()).isEqualTo("adam");
        assertThat(rows.get(0).get("trials").asText()).isEqualTo("2");
        JsonNode epochs = json("sql", "SELECT COUNT(*) AS n FROM epoch_metrics", "--format", "json", "--db", db());
        assertThat(epochs.get(0).get("n").asText()).isEqualTo("4");
        JsonNode speed = json("sql", "SELECT COUNT(*) AS n FROM leaderboard WHERE latency_ms_batch1 > 0 AND latency_ms_batch256 > 0 "
                + "AND model_bytes > 10000 AND train_images_per_s > 0", "--format", "json", "--db", db());
        assertThat(speed.get(0).get("n").asText()).isEqualTo("4");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DELETE FROM trial",
            "DROP TABLE trial",
            "SELECT 1; DROP TABLE trial",
            "SELECT * FROM leaderboard; DELETE FROM trial_param",
            "SELECT * FROM leaderboard -- ; DROP TABLE trial",
            "SELECT * FROM leaderboard /* */ ",
            "UPDATE trial SET state = 'FAILED'",
            "SELECT * FROM trial",
            "SELECT CSVWRITE('/tmp/sweep-stolen.csv', 'SELECT * FROM trial') FROM sweeps",
            "WITH x AS (SELECT 1) DELETE FROM trial",
            "CREATE ALIAS EXEC AS 'String e(String c) throws Exception { return null; }'"})
    void sqlRefusesWritesInjectionsAndBaseTablesAndChangesNothing(String query) {
        String before = snapshot();
        Cli cli = Cli.run("sql", query, "--db", db());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(Path.of("/tmp/sweep-stolen.csv")).doesNotExist();
    }

    @Test
    void csvAndJsonLeaderboardsParseAndMatchTheDatabase() throws IOException {
        Cli csv = Cli.run("leaderboard", "--db", db(), "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        List<String> lines = csv.out().lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        JsonNode json = json("leaderboard", "--db", db(), "--format", "json");
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            List<TrialRecord> stored = store.leaderboard(null, Integer.MAX_VALUE);
            assertThat(lines).hasSize(stored.size() + 1);
            for (int i = 0; i < stored.size(); i++) {
                String[] cells = lines.get(i + 1).split(",", -1);
                Map<String, String> row = new java.util.HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), cells[c]);
                }
                assertThat(Long.parseLong(row.get("trial"))).isEqualTo(stored.get(i).id());
                assertThat(Double.parseDouble(row.get("val_accuracy"))).isEqualTo(stored.get(i).valAccuracy());
                assertThat(row.get("units")).isEqualTo(stored.get(i).parameters().get("units"));
                assertThat(json.get(i).get("test_accuracy").asDouble()).isEqualTo(stored.get(i).testAccuracy());
            }
        }
    }

    @Test
    void showAndCompareNameEveryParameterAndMarkWhatDiffers() throws IOException {
        JsonNode rows = json("leaderboard", "--db", db(), "--format", "json");
        String first = rows.get(0).get("trial").asText();
        String second = rows.get(1).get("trial").asText();
        Cli show = Cli.run("show", first, "--db", db());
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("Trial " + first + ": ").containsPattern("optimizer +\\w+ +searched")
                .containsPattern("hidden_layers +2 +default").contains("val_accuracy").containsPattern("\\n +1 +[0-9.]+ +[0-9.]+")
                .containsPattern("val_auc_roc +0\\.[0-9]+").containsPattern("class +validation precision +recall +f1 +validation images")
                .containsPattern("class +test precision +recall +f1 +test images").containsPattern("\\n +9 +[0-9.]+ +[0-9.]+ +[0-9.]+ +1009")
                .containsPattern("latency_ms_batch1 +[0-9.]+").containsPattern("model_bytes +[0-9]+");
        Cli compare = Cli.run("compare", first, second, "--db", db());
        assertThat(compare.exitCode()).as(compare.toString()).isZero();
        assertThat(compare.out()).containsPattern("\\* +val_accuracy").containsPattern("\\n +hidden_layers +2 +2");
        Cli missing = Cli.run("show", "999999", "--db", db());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no trial 999999");
    }
}
