package dev.sweep.store.h2;

import dev.sweep.store.DiskFullException;
import dev.sweep.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Opens a Sweep database the careful way. A writer has the file to itself (the operating system's lock, gone with
 * its process however it dies); an existing file is first looked at read-only, so a file H2 cannot open cleanly is
 * never written to; a database from a newer Sweep is refused before anything is written; the schema is migrated as
 * the owner; and Sweep then works as {@code sweep_writer}, who cannot create code. A reader opens the file read-only
 * without a lock, beside a writer or none, and never writes to it (but for the one-time upgrade of a database made by
 * an older Sweep, which it does as a writer before it reads).
 */
final class H2Database {
    /** H2's error codes that opening can meet. */
    static final int WRONG_USER_OR_PASSWORD = 28000;
    static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int ERROR_OPENING_DATABASE = 8000;
    private static final int FILE_CORRUPTED = 90030;
    private static final int GENERAL_ERROR = 50000;
    private static final long LOCKED_RETRY_NANOS = 10_000_000_000L;
    private static final int READ_ATTEMPTS = 3;

    private H2Database() {
    }

    /** A database's working connection, and the passwords it was opened with. */
    record Opened(Connection connection, DatabaseCredentials credentials, boolean readOnly) {
    }

    /** For a command that writes; {@code mustExist} refuses to create a database that is not there. */
    static Opened openForWriting(DatabaseLocation location, boolean mustExist) {
        boolean exists = location.isFile() && Files.exists(location.dataFile());
        if (location.isFile() && !exists && mustExist) {
            throw missing(location);
        }
        if (exists && location.readOnlyMedia()) {
            throw new StoreException("cannot write to the experiment database " + location.describe() + ": the file or "
                    + "its folder is read-only. Fix: copy it, with its .credentials file, to a writable folder and point "
                    + "--db there, or give --db a new path.", null);
        }
        DatabaseCredentials credentials = credentials(location, exists);
        if (exists) {
            probe(location, credentials);
        }
        Connection owner = connectOwner(location, credentials, exists);
        try {
            Flyway flyway = flyway(location, credentials, location.ownerUrl());
            SchemaVersions.of(flyway, location); // refuses a newer schema before anything is written
            migrate(flyway, location);
            Connection writer = connect(location.jdbcUrl(), DatabaseCredentials.WRITER_USER, credentials.writer(), location);
            if (location.isFile()) {
                OwnerOnlyFiles.restrict(location.dataFile(), location.traceFile(), location.credentialsFile());
                WriterNote.write(location);
                ReadOnlyFiles.writerOpened(location.dataFile());
            }
            return new Opened(writer, credentials, false);
        } finally {
            closeQuietly(owner);
        }
    }

    /**
     * For a command that only reads: the database as its last complete version when this opens, in this process,
     * whoever writes it meanwhile. A database made by an older Sweep is upgraded first, as a writer, once.
     */
    static Opened openForReading(DatabaseLocation location) {
        if (!location.isFile()) {
            return openForWriting(location, true);
        }
        if (!Files.exists(location.dataFile())) {
            throw missing(location);
        }
        if (!Files.exists(location.credentialsFile()) && !location.readOnlyMedia()) {
            upgradeOnce(location); // made before credentials: it gets them now
        }
        DatabaseCredentials credentials = Files.exists(location.credentialsFile())
                ? DatabaseCredentials.read(location.credentialsFile(), location.describe()) : DatabaseCredentials.LEGACY;
        for (int attempt = 1; ; attempt++) {
            try {
                SchemaVersions versions = SchemaVersions.of(flyway(location, credentials, location.readerUrl()), location);
                if (versions.pending()) {
                    if (location.readOnlyMedia()) {
                        versions.requireCurrent(location);
                    }
                    upgradeOnce(location); // an older Sweep's schema
                }
                return new Opened(DriverManager.getConnection(location.readerUrl(), DatabaseCredentials.WRITER_USER,
                        credentials.writer()), credentials, true);
            } catch (SQLException | StoreException e) {
                if (attempt >= READ_ATTEMPTS || !damaged(e)) {
                    throw e instanceof SQLException sql ? openFailure(location, sql) : (StoreException) e;
                }
            }
            pause(100L * attempt);
        }
    }

    /** Opens the database as its writer, which migrates it, and closes it again as a writer's store closes. */
    private static void upgradeOnce(DatabaseLocation location) {
        closeQuietly(openForWriting(location, true).connection());
        WriterNote.remove(location);
        ReadOnlyFiles.writerClosed(location.dataFile());
    }

    private static StoreException missing(DatabaseLocation location) {
        return new StoreException("no experiment database at " + location.describe()
                + ". Fix: run a sweep first (./sweep run FILE), or point --db at the database it wrote.", null);
    }

    private static DatabaseCredentials credentials(DatabaseLocation location, boolean exists) {
        if (!location.isFile()) {
            return DatabaseCredentials.inMemory(location.jdbcUrl());
        }
        if (Files.exists(location.credentialsFile())) {
            return DatabaseCredentials.read(location.credentialsFile(), location.describe());
        }
        if (exists) {
            // Made before Sweep had credentials: connectOwner logs in without a password and sets these.
            return DatabaseCredentials.fresh();
        }
        // The database file itself is left for H2 to create (and restricted right after).
        DatabaseCredentials fresh = DatabaseCredentials.fresh();
        fresh.writeNew(location.credentialsFile());
        return fresh;
    }

    /** Opens an existing file read-only: if H2 cannot open it cleanly, it says so before anything writes. */
    private static void probe(DatabaseLocation location, DatabaseCredentials credentials) {
        for (String password : new String[]{credentials.owner(), DatabaseCredentials.LEGACY.owner()}) {
            try {
                DriverManager.getConnection(location.readerUrl(), DatabaseCredentials.OWNER_USER, password).close();
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                    throw new StoreException("cannot open the experiment database " + location.describe() + ": "
                            + StoreFailures.firstLine(e) + ". Sweep has not written to it. " + damageFix(location, e), e);
                }
            }
        }
    }

    /** What a user can do about a file that does not open: the commands that say what is damaged and save the rest. */
    static String damageFix(DatabaseLocation location, Throwable e) {
        if (!damaged(e)) {
            return "Fix: point --db at a Sweep database (or a new path); if this was one, restore it from a copy.";
        }
        String db = location.isFile() ? " --db " + location.dataFile() : "";
        return "Fix: ./sweep db check" + db + " says what is damaged; ./sweep db recover" + db + " saves what can be "
                + "read into a new file and keeps this one beside it.";
    }

    /** Whether H2 found the file damaged, as opposed to absent, locked or not a database. */
    static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == FILE_CORRUPTED
                    || sql.getErrorCode() == GENERAL_ERROR && String.valueOf(sql.getMessage()).contains("MVStoreException"))) {
                return true;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("File corrupted") || m.contains("Chunk ") && m.contains("not found")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs in as the owner. A database made before Sweep had credentials has an owner without a password: it gets
     * the one just written to its credentials file, so that from now on only that file's reader can log in.
     */
    private static Connection connectOwner(DatabaseLocation location, DatabaseCredentials credentials, boolean exists) {
        String url = location.ownerUrl();
        try {
            return getConnection(url, DatabaseCredentials.OWNER_USER, credentials.owner(), location);
        } catch (SQLException e) {
            if (lockedForAMoment(e)) {
                throw new StoreException("the experiment database " + location.describe() + " is being written by "
                        + WriterNote.describeWriter(location) + " (a sweep), and one process "
                        + "writes a database at a time; reading it works meanwhile. Fix: wait until that process ends, "
                        + "or give this command another --db.", e);
            }
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw openFailure(location, e);
            }
        }
        Connection legacy;
        try {
            legacy = getConnection(url, DatabaseCredentials.OWNER_USER, DatabaseCredentials.LEGACY.owner(), location);
        } catch (SQLException e) {
            String fix = location.isFile() && !Files.exists(location.credentialsFile())
                    ? "its credentials file " + location.credentialsFile() + " is missing. Fix: restore that file beside it."
                    : "the passwords in " + (location.isFile() ? location.credentialsFile() : "this process")
                    + " do not open it. Fix: restore the credentials file that was written with it.";
            throw new StoreException("cannot log in to " + location.describe() + ": " + fix, e);
        }
        if (!exists || !location.isFile()) {
            return legacy;
        }
        SchemaVersions.of(flyway(location, DatabaseCredentials.LEGACY, url), location); // refuses a newer one unwritten
        if (!Files.exists(location.credentialsFile())) {
            credentials.writeNew(location.credentialsFile());
        }
        try (Statement s = legacy.createStatement()) {
            s.execute("ALTER USER " + DatabaseCredentials.OWNER_USER + " SET PASSWORD '" + credentials.owner() + "'");
        } catch (SQLException e) {
            closeQuietly(legacy);
            throw openFailure(location, e);
        }
        return legacy;
    }

    static Flyway flyway(DatabaseLocation location, DatabaseCredentials credentials, String url) {
        return Flyway.configure().loggers("slf4j").dataSource(url, DatabaseCredentials.OWNER_USER, credentials.owner())
                .locations("classpath:db/migration")
                .placeholders(Map.of("writer_password", credentials.writer(), "reader_password", credentials.reader()))
                .load();
    }

    private static void migrate(Flyway flyway, DatabaseLocation location) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (StoreFailures.diskFull(e)) {
                throw new DiskFullException("cannot open the experiment database " + location.describe() + ": its disk is "
                        + "full (No space left on device); what was stored stays. Fix: free space there, then run the same "
                        + "command again.", e);
            }
            throw new StoreException("cannot prepare the experiment database " + location.describe() + ": "
                    + StoreFailures.rootMessage(e) + ". Fix: point --db at a Sweep database (or a new path), or move the file aside.", e);
        }
    }

    static Connection connect(String url, String user, String password, DatabaseLocation location) {
        try {
            return getConnection(url, user, password, location);
        } catch (SQLException e) {
            throw openFailure(location, e);
        }
    }

    private static boolean lockedForAMoment(SQLException e) {
        return e.getErrorCode() == DATABASE_ALREADY_OPEN
                || e.getErrorCode() == ERROR_OPENING_DATABASE && String.valueOf(e.getMessage()).contains("Lock file");
    }

    /**
     * A connection, trying again for a few seconds while another writer has the file and no live writer is named
     * beside it: one that is closing, or was killed a moment ago.
     */
    private static Connection getConnection(String url, String user, String password, DatabaseLocation location) throws SQLException {
        long deadline = System.nanoTime() + LOCKED_RETRY_NANOS;
        for (long pause = 20; ; pause = Math.min(pause * 2, 500)) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                if (!lockedForAMoment(e) || System.nanoTime() > deadline || WriterNote.liveWriter(location).isPresent()) {
                    throw e;
                }
            }
            pause(pause);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
    }

    private static StoreException openFailure(DatabaseLocation location, SQLException e) {
        if (StoreFailures.diskFull(e)) {
            return new DiskFullException("cannot open the experiment database " + location.describe() + ": its disk is full "
                    + "(No space left on device); what was stored stays. Fix: free space there, then run the same command "
                    + "again.", e);
        }
        return new StoreException("cannot open the experiment database " + location.describe() + ": " + StoreFailures.describe(e)
                + ". Sweep has not written to it. " + damageFix(location, e), e);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection's work is done or already failing; the first error is the one to report
        }
    }

    /** The schema version a database has, against the newest this Sweep knows; null where there is none. */
    record SchemaVersions(MigrationVersion stored, MigrationVersion known, boolean pending) {
        static SchemaVersions of(Flyway flyway, DatabaseLocation location) {
            MigrationInfo[] all;
            try {
                all = flyway.info().all();
            } catch (FlywayException e) {
                throw new StoreException("cannot read the schema version of " + location.describe() + ": "
                        + StoreFailures.rootMessage(e) + ". Fix: point --db at a Sweep database, or move the file aside.", e);
            }
            MigrationVersion stored = null;
            MigrationVersion known = null;
            boolean pending = false;
            for (MigrationInfo m : all) {
                MigrationVersion v = m.getVersion();
                if (v == null) {
                    continue;
                }
                boolean future = m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED;
                if (m.getState().isApplied()) {
                    stored = newer(stored, v);
                }
                if (!future) {
                    known = newer(known, v);
                }
                pending |= m.getState() == MigrationState.PENDING;
            }
            if (stored != null && known != null && stored.compareTo(known) > 0) {
                throw new StoreException(location.describe() + " was written by a newer Sweep: its schema is version "
                        + stored + ", and this Sweep knows versions up to " + known + ". Nothing was written to it. "
                        + "Fix: use the newer Sweep that wrote it, or point --db at another database.", null);
            }
            return new SchemaVersions(stored, known, pending);
        }

        private static MigrationVersion newer(MigrationVersion a, MigrationVersion b) {
            return a == null || b.compareTo(a) > 0 ? b : a;
        }

        void requireCurrent(DatabaseLocation location) {
            if (pending) {
                throw new StoreException(location.describe() + " is on read-only media and was written by an older Sweep "
                        + "(schema version " + (stored == null ? "none" : stored) + "; this Sweep needs " + known
                        + "), so it cannot be upgraded there. Fix: copy it, with its .credentials file, to a writable "
                        + "folder and open it there once.", null);
            }
        }
    }
}
