package dev.sweep.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.query.TrialColumns;
import dev.sweep.query.TrialFilter;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.SweepState;
import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import dev.sweep.train.EpochMetrics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the dashboard's pages show, read from the store as plain maps and lists for JSON: every read is a fresh look
 * at the database, so a sweep that writes to it meanwhile shows up at the next poll.
 */
final class DashboardData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentStore store;

    DashboardData(ExperimentStore store) {
        this.store = store;
    }

    /** Every sweep with its progress, best value and time left. */
    List<Map<String, Object>> sweeps() {
        List<Map<String, Object>> sweeps = new ArrayList<>();
        for (SweepRecord sweep : store.sweeps()) {
            sweeps.add(summary(sweep, store.trials(sweep.id())));
        }
        return sweeps;
    }

    /** One sweep: its summary, the trials that pass {@code where} (the leaderboard's filter), and its searched keys. */
    Optional<Map<String, Object>> sweep(String name, String where) {
        Optional<SweepRecord> found = store.findSweep(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SweepRecord sweep = found.get();
        List<TrialRecord> trials = store.trials(sweep.id());
        Map<String, Object> page = summary(sweep, trials);
        List<Map<String, Object>> columns = trials.stream().map(TrialColumns::of).toList();
        TrialFilter filter = null;
        if (where != null && !where.isBlank()) {
            TreeSet<String> names = new TreeSet<>(TrialColumns.METRICS);
            columns.forEach(c -> names.addAll(c.keySet()));
            filter = TrialFilter.parse(where, names); // a FilterException is the caller's 400
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> searched = new TreeSet<>();
        for (int i = 0; i < trials.size(); i++) {
            if (filter == null || filter.test(TrialFilter.rowOf(columns.get(i)))) {
                rows.add(trialRow(trials.get(i)));
            }
        }
        for (TrialRecord t : trials) {
            t.parameterSources().forEach((key, source) -> {
                if (source.equals("searched")) {
                    searched.add(key);
                }
            });
        }
        page.put("trials", rows);
        page.put("searched", List.copyOf(searched));
        return Optional.of(page);
    }

    /** Every trial's per-epoch validation curve, by trial id. */
    Optional<Map<String, Object>> curves(String name) {
        return store.findSweep(name).map(sweep -> {
            Map<String, Object> curves = new LinkedHashMap<>();
            for (TrialRecord t : store.trials(sweep.id())) {
                curves.put(String.valueOf(t.id()), epochs(store.epochs(t.id())));
            }
            return curves;
        });
    }

    /** One trial: its row, every parameter with its source, every metric, its epochs and configuration. */
    Optional<Map<String, Object>> trial(long id) {
        return store.trial(id).map(t -> {
            Map<String, Object> page = trialRow(t);
            List<Map<String, Object>> parameters = new ArrayList<>();
            t.parameters().forEach((key, value) -> parameters.add(Map.of("name", key, "value", value,
                    "source", t.parameterSources().getOrDefault(key, ""))));
            page.put("parameters", parameters);
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (TrialMetric m : TrialMetric.values()) {
                Number v = t.metric(m);
                if (v != null) {
                    metrics.put(m.label(), v);
                }
            }
            page.put("metrics", metrics);
            page.put("epochs", epochs(store.epochs(t.id())));
            page.put("error", t.error());
            page.put("config", config(t));
            page.put("test_confusion", store.testConfusion(t.id()).orElse(null));
            page.put("has_model", store.model(t.id()).isPresent());
            return page;
        });
    }

    /** The trial's model zip and its provenance, as {@code export} writes them; empty without a stored model. */
    Optional<Download> download(long id) {
        return store.trial(id).flatMap(t -> store.model(t.id()).map(model -> {
            SweepRecord sweep = store.findSweep(t.sweepName()).orElseThrow();
            String file = "trial-" + t.id() + ".zip";
            try {
                return new Download(file, model.bytes(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                        dev.sweep.export.ModelExport.provenance(sweep, t, store.epochs(t.id()), model, file)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    /** A model zip and its provenance sidecar. */
    record Download(String file, byte[] model, byte[] provenance) {
    }

    private static Map<String, Object> summary(SweepRecord sweep, List<TrialRecord> trials) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", sweep.name());
        s.put("architecture", sweep.architecture());
        s.put("strategy", sweep.strategy());
        s.put("pruner", prunerOf(sweep.yamlText()));
        s.put("state", sweep.state().name());
        s.put("planned", sweep.plannedTrials());
        s.put("metric", sweep.objectiveMetric());
        s.put("maximize", sweep.maximizes());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TrialState state : TrialState.values()) {
            counts.put(state.name(), 0);
        }
        Double best = null;
        for (TrialRecord t : trials) {
            counts.merge(t.state().name(), 1, Integer::sum);
            Double v = t.objectiveValue();
            if (t.state() == TrialState.COMPLETE && v != null && (best == null || (sweep.maximizes() ? v > best : v < best))) {
                best = v;
            }
        }
        s.put("counts", counts);
        s.put("best", best);
        OffsetDateTime end = sweep.finishedAt() != null && sweep.state() == SweepState.COMPLETE ? sweep.finishedAt() : OffsetDateTime.now();
        double elapsed = Duration.between(sweep.createdAt(), end).toMillis() / 1000.0;
        s.put("elapsed_seconds", elapsed);
        int done = counts.get("COMPLETE") + counts.get("PRUNED") + counts.get("FAILED");
        s.put("done", done);
        // Time left as the pace so far goes on: the elapsed time per finished trial, times the trials still to finish.
        s.put("left_seconds", sweep.state() == SweepState.RUNNING && done > 0 ? elapsed / done * Math.max(0, sweep.plannedTrials() - done) : null);
        return s;
    }

    /** The pruner the stored sweep file names, or null: the file was validated when the sweep was stored. */
    private static String prunerOf(String yaml) {
        try {
            Object file = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder()
                    .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema()).build()).loadFromString(yaml);
            if (file instanceof Map<?, ?> top && top.get("pruner") instanceof Map<?, ?> pruner && pruner.get("type") != null) {
                return String.valueOf(pruner.get("type"));
            }
        } catch (RuntimeException e) {
            // a file stored by an older Sweep that no longer reads: no pruner to show
        }
        return null;
    }

    private static Map<String, Object> trialRow(TrialRecord t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", t.id());
        row.put("sweep", t.sweepName());
        row.put("number", t.number());
        row.put("architecture", t.architecture());
        row.put("state", t.state().name());
        row.put("objective", t.objectiveValue());
        row.put("val_accuracy", t.valAccuracy());
        row.put("test_accuracy", t.testAccuracy());
        row.put("epochs_done", t.metric(TrialMetric.EPOCHS_DONE));
        row.put("train_seconds", t.metric(TrialMetric.TRAIN_SECONDS));
        row.put("parameter_count", t.metric(TrialMetric.PARAMS));
        row.put("basis", config(t).path("sampler").path("basis").asText(""));
        row.put("worker", t.worker());
        row.put("started", t.startedAt() == null ? null : t.startedAt().toString());
        row.put("finished", t.finishedAt() == null ? null : t.finishedAt().toString());
        Map<String, String> searched = new LinkedHashMap<>();
        t.parameters().forEach((key, value) -> {
            if ("searched".equals(t.parameterSources().get(key))) {
                searched.put(key, value);
            }
        });
        row.put("params", searched);
        return row;
    }

    private static List<Map<String, Object>> epochs(List<EpochMetrics> epochs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EpochMetrics e : epochs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.epoch());
            row.put("train_loss", finite(e.trainLoss()));
            row.put("train_accuracy", finite(e.trainAccuracy()));
            row.put("val_loss", finite(e.valLoss()));
            row.put("val_accuracy", finite(e.valAccuracy()));
            row.put("seconds", finite(e.seconds()));
            rows.add(row);
        }
        return rows;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static JsonNode config(TrialRecord t) {
        try {
            return JSON.readTree(t.configJson() == null ? "{}" : t.configJson());
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
