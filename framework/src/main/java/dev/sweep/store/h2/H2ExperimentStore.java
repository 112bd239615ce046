package dev.sweep.store.h2;

import dev.sweep.arch.Network;
import dev.sweep.prune.History;
import dev.sweep.config.SweepDefinition;
import dev.sweep.run.TrialResult;
import dev.sweep.space.ParameterValues;
import dev.sweep.train.EpochMetrics;
import dev.sweep.store.DiskFullException;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.RepeatRecord;
import dev.sweep.store.StoreException;
import dev.sweep.store.StoredModel;
import dev.sweep.store.SweepRecord;
import dev.sweep.store.SweepState;
import dev.sweep.store.TrialMetric;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sweeps, trials, their parameters, per-epoch metrics and models in an H2 database, created and upgraded by
 * Flyway migrations. Each write is its own transaction, so a crash loses nothing that was complete.
 */
public final class H2ExperimentStore implements ExperimentStore {
    /** How often a reader looks whether the file has grown, so that a long-lived one (the dashboard) sees new trials. */
    private static final long REFRESH_NANOS = 500_000_000L;

    private final DatabaseLocation location;
    private final DatabaseCredentials credentials;
    private final boolean readsOnly;
    private Connection connection;
    private java.nio.channels.FileChannel syncChannel;
    private FileVersion openedAt;
    private long checkedAt = System.nanoTime();

    private H2ExperimentStore(DatabaseLocation location, H2Database.Opened opened) {
        this.location = location;
        this.credentials = opened.credentials();
        this.connection = opened.connection();
        this.readsOnly = opened.readOnly();
        this.openedAt = FileVersion.of(location);
    }

    /** See {@link ExperimentStore#open}. */
    public static H2ExperimentStore open(String location) {
        DatabaseLocation where = DatabaseLocation.of(location);
        return new H2ExperimentStore(where, H2Database.openForWriting(where, false));
    }

    /** See {@link ExperimentStore#openExisting}. */
    public static H2ExperimentStore openExisting(String location) {
        DatabaseLocation where = DatabaseLocation.of(location);
        return new H2ExperimentStore(where, H2Database.openForWriting(where, true));
    }

    /** See {@link ExperimentStore#exists}. */
    public static boolean exists(String location) {
        DatabaseLocation where = DatabaseLocation.of(location);
        return !where.isFile() || java.nio.file.Files.exists(where.dataFile());
    }

    /** See {@link ExperimentStore#openForReading}. */
    public static H2ExperimentStore openForReading(String location) {
        DatabaseLocation where = DatabaseLocation.of(location);
        return new H2ExperimentStore(where, H2Database.openForReading(where));
    }

    /** The data file's size and time: a writer that committed has changed one of them. */
    private record FileVersion(long size, long modified) {
        static FileVersion of(DatabaseLocation location) {
            if (!location.isFile()) {
                return new FileVersion(0, 0);
            }
            try {
                return new FileVersion(java.nio.file.Files.size(location.dataFile()),
                        java.nio.file.Files.getLastModifiedTime(location.dataFile()).toMillis());
            } catch (java.io.IOException e) {
                return new FileVersion(-1, -1);
            }
        }
    }

    /**
     * The connection to work on. A reader reads the version that was complete when it opened; once the file has
     * changed, it opens again (at most twice a second), so a long-lived reader follows a running sweep.
     */
    private Connection connection() {
        if (!readsOnly || !location.isFile() || System.nanoTime() - checkedAt < REFRESH_NANOS) {
            return connection;
        }
        checkedAt = System.nanoTime();
        FileVersion now = FileVersion.of(location);
        if (!now.equals(openedAt)) {
            H2Database.closeQuietly(connection); // the last connection: H2 closes this process's copy of the database
            connection = H2Database.openForReading(location).connection();
            openedAt = now;
        }
        return connection;
    }

    /**
     * Runs one SELECT as {@code sweep_reader}, a user that may only read the views: whatever the text, it cannot write
     * to the database or reach files. The statement's transaction is rolled back either way. In mixed mode the query
     * runs in the process that serves the database, perhaps a sweep, so its time is bounded too.
     */
    @Override
    public synchronized QueryResult readOnlyQuery(String select, int maxRows, int timeoutSeconds) {
        connection(); // the same version as this store's other reads
        try (Connection reader = DriverManager.getConnection(readsOnly ? location.readerUrl() : location.jdbcUrl(),
                DatabaseCredentials.READER_USER, credentials.reader())) {
            reader.setAutoCommit(false);
            reader.setReadOnly(true);
            try (Statement statement = reader.createStatement()) {
                statement.setMaxRows(maxRows);
                statement.setQueryTimeout(timeoutSeconds);
                try (ResultSet rs = statement.executeQuery(select)) {
                    int count = rs.getMetaData().getColumnCount();
                    List<String> columns = new ArrayList<>();
                    for (int c = 1; c <= count; c++) {
                        columns.add(rs.getMetaData().getColumnLabel(c).toLowerCase(java.util.Locale.ROOT));
                    }
                    List<List<String>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= count; c++) {
                            row.add(rs.getString(c));
                        }
                        rows.add(row);
                    }
                    return new QueryResult(columns, rows);
                }
            } finally {
                reader.rollback();
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == QUERY_CANCELED) {
                throw new QueryException("it ran longer than " + timeoutSeconds + " s and was stopped (--timeout raises the limit)");
            }
            throw new QueryException(StoreFailures.firstLine(e));
        }
    }

    /** H2's code for a statement stopped by its query timeout. */
    private static final int QUERY_CANCELED = 57014;

    @Override
    public String location() {
        return location.describe();
    }

    // ---- sweeps

    @Override
    public synchronized Optional<SweepRecord> findSweep(String name) {
        return query("SELECT * FROM sweep WHERE name = ?", H2ExperimentStore::sweep, name).stream().findFirst();
    }

    @Override
    public synchronized List<SweepRecord> sweeps() {
        return query("SELECT * FROM sweep ORDER BY id", H2ExperimentStore::sweep);
    }

    @Override
    public synchronized long createSweep(SweepDefinition definition, int plannedTrials) {
        return insert("INSERT INTO sweep (name, architecture, strategy, planned_trials, seed, objective_metric, objective_goal, "
                        + "dataset, source_file, yaml_text, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                definition.name(), definition.architectureLabel(), definition.strategy().describe(), plannedTrials,
                definition.seed(), definition.objective().metric(), definition.objective().goal().name(),
                definition.dataset().describe(), definition.source() == null ? null : definition.source().toString(),
                definition.yamlText(), SweepState.RUNNING.name(), OffsetDateTime.now());
    }

    @Override
    public synchronized void setSweepState(long sweepId, SweepState state) {
        update("UPDATE sweep SET state = ?, finished_at = ? WHERE id = ?", state.name(),
                state == SweepState.RUNNING ? null : OffsetDateTime.now(), sweepId);
        syncToDisk();
    }

    // ---- trials

    /**
     * Records a trial as RUNNING by {@code worker} with its resolved parameters, replacing an earlier unfinished
     * attempt at the same candidate number (its epochs go with it) and counting the attempts.
     */
    @Override
    public synchronized long startTrial(long sweepId, int number, String architecture, long seed, String configJson,
                                        Map<String, Object> parameters, Map<String, String> sources, String worker) {
        requireRoom(0);
        return transaction(() -> {
            int earlierAttempts = query("SELECT attempt FROM trial WHERE sweep_id = ? AND number = ?", rs -> rs.getInt(1),
                    sweepId, number).stream().findFirst().orElse(0);
            update("DELETE FROM trial WHERE sweep_id = ? AND number = ?", sweepId, number);
            OffsetDateTime now = OffsetDateTime.now();
            long id = insert("INSERT INTO trial (sweep_id, number, architecture, state, seed, config_json, started_at, worker, "
                            + "heartbeat_at, attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    sweepId, number, architecture, TrialState.RUNNING.name(), seed, configJson, now, worker, now, earlierAttempts + 1);
            try (PreparedStatement ps = connection().prepareStatement(
                    "INSERT INTO trial_param (trial_id, name, value_text, value_number, source) VALUES (?, ?, ?, ?, ?)")) {
                // Every parameter with a value, and those a condition left out without one.
                java.util.Set<String> names = new java.util.LinkedHashSet<>(parameters.keySet());
                names.addAll(sources.keySet());
                for (String name : names) {
                    Object value = parameters.get(name);
                    bind(ps, id, name, value == null ? null : ParameterValues.format(value),
                            value == null ? null : ParameterValues.numeric(value), sources.getOrDefault(name, "default"));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    /** Says that the process running these trials is alive. */
    @Override
    public synchronized void heartbeat(Collection<Long> trialIds) {
        OffsetDateTime now = OffsetDateTime.now();
        for (long id : trialIds) {
            update("UPDATE trial SET heartbeat_at = ? WHERE id = ? AND state = 'RUNNING'", now, id);
        }
    }

    @Override
    public synchronized void recordEpoch(long trialId, int repeat, EpochMetrics m) {
        transaction(() -> {
            // MERGE: a retried Spark task sends its epochs again, and each is stored once.
            update("MERGE INTO epoch_metric (trial_id, repeat, epoch, train_loss, train_accuracy, val_loss, val_accuracy, seconds, "
                            + "images_per_sec) KEY (trial_id, repeat, epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", trialId, repeat, m.epoch(), finite(m.trainLoss()),
                    finite(m.trainAccuracy()), finite(m.valLoss()),
                    finite(m.valAccuracy()), m.seconds(), m.imagesPerSecond());
            update("UPDATE trial SET epochs_done = ? WHERE id = ?", m.epoch(), trialId);
            return null;
        });
    }

    /** One finished execution of a trial that repeats: its seed and final metrics. */
    @Override
    public synchronized void recordRepeat(long trialId, int repeat, long seed, TrialResult r, double objectiveValue) {
        update("INSERT INTO trial_repeat (trial_id, repeat, seed, objective_value, val_accuracy, val_loss, test_accuracy, "
                        + "epochs_done, best_epoch, train_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                trialId, repeat, seed, finite(objectiveValue), finite(r.validation().accuracy()), finite(r.validation().loss()),
                finite(r.test().accuracy()), r.epochs().size(), r.bestEpoch(), r.trainSeconds());
    }

    /**
     * Completes a trial with the result of its best repeat (metrics and model) and the mean and standard deviation of
     * its repeats' objective.
     */
    @Override
    public synchronized void completeTrial(long trialId, TrialResult r, int bestRepeat, int repeats, double objectiveMean,
                                          Double objectiveStd, double wallSeconds) {
        requireRoom(r.model().length);
        transaction(() -> {
            TrialMetric.Completion completion = new TrialMetric.Completion(r, bestRepeat, repeats, objectiveMean, objectiveStd,
                    wallSeconds);
            StringBuilder sql = new StringBuilder("UPDATE trial SET state = ?, best_repeat = ?, finished_at = ?, error = NULL, "
                    + "test_confusion = ?, val_confusion = ?");
            List<Object> args = new ArrayList<>(List.of(TrialState.COMPLETE.name(), bestRepeat, OffsetDateTime.now(),
                    confusionJson(r.test().confusion()), confusionJson(r.validation().confusion())));
            for (TrialMetric m : TrialMetric.values()) {
                sql.append(", ").append(m.column()).append(" = ?");
                args.add(m.valueAt(completion));
            }
            args.add(trialId);
            update(sql.append(" WHERE id = ?").toString(), args.toArray());
            update("INSERT INTO trial_model (trial_id, format, bytes) VALUES (?, ?, ?)", trialId, r.format().name(), r.model());
            return null;
        });
        syncToDisk();
    }

    /**
     * Makes what was committed survive a power cut, not only a killed process: H2 writes every commit to the file at
     * once (WRITE_DELAY 0) but leaves it in the operating system's cache until it closes. A completed trial is hours
     * of training, so it is forced to the disk; fsync on any descriptor of the file writes all of its pages. The
     * descriptor stays open while the store is: on Linux, closing any descriptor of a file drops every lock the
     * process holds on it, and H2's lock is what keeps a second writer out.
     */
    private void syncToDisk() {
        if (!location.isFile() || readsOnly) {
            return;
        }
        try {
            if (syncChannel == null) {
                syncChannel = java.nio.channels.FileChannel.open(location.dataFile(), java.nio.file.StandardOpenOption.READ);
            }
            syncChannel.force(true);
        } catch (java.io.IOException e) {
            throw new StoreException("could not write " + location() + " through to its disk: " + e.getMessage(), e);
        }
    }

    /** Ends a trial its pruner stopped, keeping the metrics of its last epoch. */
    @Override
    public synchronized void pruneTrial(long trialId, EpochMetrics last, double objectiveValue, String reason,
                                        double wallSeconds) {
        update("UPDATE trial SET state = ?, objective_value = ?, val_accuracy = ?, val_loss = ?, epochs_done = ?, error = ?, "
                        + "wall_seconds = ?, finished_at = ? WHERE id = ?", TrialState.PRUNED.name(), finite(objectiveValue),
                finite(last.valAccuracy()), finite(last.valLoss()), last.epoch(), reason, wallSeconds, OffsetDateTime.now(), trialId);
    }

    /** Every trial's objective per epoch (first execution), by candidate number, for the sweep's pruner. */
    @Override
    public synchronized History history(long sweepId, String metric, boolean maximize) {
        String column = "val_loss".equals(metric) ? "e.val_loss" : "e.val_accuracy";
        Map<Integer, List<Double>> values = new LinkedHashMap<>();
        Map<Integer, Boolean> complete = new LinkedHashMap<>();
        query("SELECT t.number, t.state, " + column + " AS v FROM epoch_metric e JOIN trial t ON t.id = e.trial_id "
                + "WHERE t.sweep_id = ? AND e.repeat = 0 ORDER BY t.number, e.epoch", rs -> {
            int number = rs.getInt("number");
            double v = rs.getDouble("v");
            values.computeIfAbsent(number, n -> new ArrayList<>()).add(rs.wasNull() ? Double.NaN : v);
            complete.put(number, TrialState.COMPLETE.name().equals(rs.getString("state")));
            return null;
        }, sweepId);
        Map<Integer, History.Curve> curves = new LinkedHashMap<>();
        values.forEach((number, list) -> curves.put(number, new History.Curve(List.copyOf(list), complete.get(number))));
        return new History(curves, maximize);
    }

    @Override
    public synchronized void endTrial(long trialId, TrialState state, String error, double wallSeconds) {
        update("UPDATE trial SET state = ?, error = ?, wall_seconds = ?, finished_at = ? WHERE id = ?",
                state.name(), error, wallSeconds, OffsetDateTime.now(), trialId);
    }

    @Override
    public synchronized List<TrialRecord> trials(long sweepId) {
        return trialsWhere("t.sweep_id = ?", "t.number", sweepId);
    }

    @Override
    public synchronized Optional<TrialRecord> trial(long trialId) {
        return trialsWhere("t.id = ?", "t.id", trialId).stream().findFirst();
    }

    /** The completed trial of a sweep that is best by the sweep's objective; ties go to the earlier trial. */
    @Override
    public synchronized Optional<TrialRecord> bestTrial(long sweepId) {
        return trialsWhere("t.sweep_id = ? AND t.state = 'COMPLETE' AND t.objective_value IS NOT NULL",
                "CASE WHEN s.objective_goal = 'MAXIMIZE' THEN -t.objective_value ELSE t.objective_value END, t.number", sweepId)
                .stream().findFirst();
    }

    /** Completed trials first, each sweep's best first; then the rest, newest first. */
    @Override
    public synchronized List<TrialRecord> leaderboard(String sweepName, int limit) {
        String order = "CASE t.state WHEN 'COMPLETE' THEN 0 ELSE 1 END, "
                + "CASE WHEN s.objective_goal = 'MAXIMIZE' THEN -t.objective_value ELSE t.objective_value END NULLS LAST, t.id";
        List<TrialRecord> rows = sweepName == null ? trialsWhere("TRUE", order) : trialsWhere("s.name = ?", order, sweepName);
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    /** The epochs of the trial's best repeat (its only one, unless it repeats): the history of its stored model. */
    @Override
    public synchronized List<EpochMetrics> epochs(long trialId) {
        return query("SELECT e.* FROM epoch_metric e JOIN trial t ON t.id = e.trial_id WHERE e.trial_id = ? "
                + "AND e.repeat = t.best_repeat ORDER BY e.epoch", H2ExperimentStore::epoch, trialId);
    }

    @Override
    public synchronized List<EpochMetrics> epochs(long trialId, int repeat) {
        return query("SELECT * FROM epoch_metric WHERE trial_id = ? AND repeat = ? ORDER BY epoch", H2ExperimentStore::epoch,
                trialId, repeat);
    }

    @Override
    public synchronized List<RepeatRecord> repeats(long trialId) {
        return query("SELECT * FROM trial_repeat WHERE trial_id = ? ORDER BY repeat", rs -> new RepeatRecord(rs.getInt("repeat"),
                rs.getLong("seed"), nullable(rs, "objective_value"), nullable(rs, "val_accuracy"), nullable(rs, "test_accuracy"),
                rs.getInt("epochs_done"), rs.getInt("best_epoch")), trialId);
    }

    private static EpochMetrics epoch(ResultSet rs) throws SQLException {
        return new EpochMetrics(rs.getInt("epoch"), orNaN(rs, "train_loss"), orNaN(rs, "train_accuracy"), orNaN(rs, "val_loss"),
                orNaN(rs, "val_accuracy"), orNaN(rs, "seconds"), orNaN(rs, "images_per_sec"));
    }

    @Override
    public synchronized Optional<StoredModel> model(long trialId) {
        return query("SELECT format, bytes FROM trial_model WHERE trial_id = ?",
                rs -> new StoredModel(Network.Format.valueOf(rs.getString("format")), rs.getBytes("bytes")), trialId)
                .stream().findFirst();
    }

    @Override
    public synchronized void close() {
        if (location.isFile()) {
            OwnerOnlyFiles.restrict(location.traceFile()); // H2 starts it only when something goes wrong
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("could not close " + location(), e);
        } finally {
            if (syncChannel != null) {
                try {
                    syncChannel.close(); // after H2 has closed the file: this drops the process's locks on it
                } catch (java.io.IOException ignored) {
                    // nothing was written through it
                }
            }
            if (!readsOnly) {
                WriterNote.remove(location);
                if (location.isFile()) {
                    ReadOnlyFiles.writerClosed(location.dataFile());
                }
            }
        }
    }

    /**
     * Room that must stay free on the database's disk. H2 fails badly when a write meets a full disk: it closes the
     * database, and a trial committed just before could be missing after space was freed. So a sweep stops cleanly,
     * as a fatal error it can be resumed from, while H2 still has room to write; every stored trial stays intact.
     */
    static final long RESERVE_BYTES = 16L << 20;

    private void requireRoom(long bytesToWrite) {
        long free = location.usableSpace();
        long needed = RESERVE_BYTES + 2 * bytesToWrite;
        if (free < needed) {
            throw new DiskFullException(String.format(java.util.Locale.ROOT, "the disk of %s is nearly full: %.1f MB free, "
                    + "and Sweep keeps %.0f MB free so that the database is never cut short; what was stored stays. Fix: free "
                    + "space there, then run the same command again to resume.", location(), free / 1e6, needed / 1e6), null);
        }
    }

    // ---- mapping

    private List<TrialRecord> trialsWhere(String condition, String order, Object... args) {
        List<TrialRecord> bare = query("SELECT t.*, s.name AS sweep_name FROM trial t JOIN sweep s ON s.id = t.sweep_id WHERE "
                + condition + " ORDER BY " + order, rs -> trial(rs, new LinkedHashMap<>(), new LinkedHashMap<>()), args);
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, TrialRecord> byId = new LinkedHashMap<>();
        bare.forEach(t -> byId.put(t.id(), t));
        query("SELECT p.trial_id, p.name, p.value_text, p.source FROM trial_param p JOIN trial t ON t.id = p.trial_id "
                + "JOIN sweep s ON s.id = t.sweep_id WHERE " + condition + " ORDER BY p.trial_id", rs -> {
            TrialRecord t = byId.get(rs.getLong("trial_id"));
            if (t != null) {
                t.parameters().put(rs.getString("name"), rs.getString("value_text"));
                t.parameterSources().put(rs.getString("name"), rs.getString("source"));
            }
            return null;
        }, args);
        return new ArrayList<>(byId.values());
    }

    private static SweepRecord sweep(ResultSet rs) throws SQLException {
        return new SweepRecord(rs.getLong("id"), rs.getString("name"), rs.getString("architecture"), rs.getString("strategy"),
                rs.getInt("planned_trials"), rs.getLong("seed"), rs.getString("objective_metric"),
                rs.getString("objective_goal"), rs.getString("dataset"), rs.getString("source_file"),
                rs.getString("yaml_text"), SweepState.valueOf(rs.getString("state")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }

    private static TrialRecord trial(ResultSet rs, Map<String, String> params, Map<String, String> sources) throws SQLException {
        Map<TrialMetric, Number> metrics = new EnumMap<>(TrialMetric.class);
        for (TrialMetric m : TrialMetric.values()) {
            Number value = switch (m.type()) {
                case INT -> rs.getInt(m.column());
                case LONG -> rs.getLong(m.column());
                case DOUBLE -> rs.getDouble(m.column());
            };
            if (!rs.wasNull()) {
                metrics.put(m, value);
            }
        }
        return new TrialRecord(rs.getLong("id"), rs.getLong("sweep_id"), rs.getString("sweep_name"), rs.getInt("number"),
                rs.getString("architecture"), TrialState.valueOf(rs.getString("state")), rs.getLong("seed"), rs.getString("config_json"), params, sources,
                rs.getString("error"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getString("worker"),
                rs.getObject("heartbeat_at", OffsetDateTime.class), rs.getInt("attempt"), metrics);
    }

    private static String confusionJson(int[][] confusion) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < confusion.length; i++) {
            json.append(i == 0 ? "" : ",").append(java.util.Arrays.toString(confusion[i]).replace(" ", ""));
        }
        return json.append("]").toString();
    }

    /** The stored test confusion matrix of a completed trial, rows true classes; empty when it has none. */
    @Override
    public Optional<int[][]> testConfusion(long trialId) {
        return confusion(trialId, "test_confusion");
    }

    /** The stored validation confusion matrix of the trial's final model; empty when it has none. */
    @Override
    public Optional<int[][]> validationConfusion(long trialId) {
        return confusion(trialId, "val_confusion");
    }

    private synchronized Optional<int[][]> confusion(long trialId, String column) {
        return query("SELECT " + column + " FROM trial WHERE id = ?", rs -> rs.getString(1), trialId).stream()
                .filter(java.util.Objects::nonNull).findFirst().map(text -> {
                    String[] rows = text.substring(2, text.length() - 2).split("\\],\\[");
                    int[][] m = new int[rows.length][];
                    for (int i = 0; i < rows.length; i++) {
                        m[i] = java.util.Arrays.stream(rows[i].split(",")).mapToInt(Integer::parseInt).toArray();
                    }
                    return m;
                });
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** NULL, stored for a figure that was not measured or not finite, read back as NaN. */
    private static double orNaN(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    // ---- JDBC plumbing

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long insert(String sql, Object... args) {
        try (PreparedStatement ps = connection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T transaction(Work<T> work) {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private StoreException failure(SQLException e) {
        if (StoreFailures.diskFull(e)) {
            return new DiskFullException("the disk of " + location() + " is full (No space left on device); what was stored "
                    + "before stays. Fix: free space there, then run the same command again to resume.", e);
        }
        return new StoreException("the experiment database " + location() + " failed: " + StoreFailures.firstLine(e), e);
    }
}
