package dev.sweep.store.h2;

import dev.sweep.store.StoreException;
import org.h2.tools.Recover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What to do when H2 reports a damaged file: {@link #check} reads every row and every model of a database, read-only,
 * beside a writer or none; {@link #recover} saves what H2's recovery tool can read into a new file, which takes the
 * damaged one's place, and keeps the damaged one beside it.
 */
public final class DatabaseRepair {
    private DatabaseRepair() {
    }

    /**
     * Every table's rows as read, the trials whose model zip is damaged, and the first damage H2 met; a whole
     * database has neither.
     */
    public record Check(String database, Map<String, Long> rows, long blobBytes, List<Long> damagedModels, String problem) {
        public boolean whole() {
            return problem == null && damagedModels.isEmpty();
        }

        public String describeDamage() {
            String models = damagedModels.isEmpty() ? "" : "the models of trials " + damagedModels + " are damaged zips";
            return problem == null ? models : problem + (models.isEmpty() ? "" : "; " + models);
        }
    }

    /**
     * What a recovery saved, where the damaged file went, what H2's recovery tool could not read, and the trials
     * whose damaged model was dropped (their metrics and parameters stay).
     */
    public record Recovery(String database, Path damagedCopy, Map<String, Long> rowsBefore, Map<String, Long> rowsAfter,
                           int unreadable, List<Long> droppedModels) {
    }

    /** Reads the whole database the way a reader opens it: it changes nothing, and may run beside a sweep. */
    public static Check check(String given) {
        DatabaseLocation location = fileLocation(given);
        DatabaseCredentials credentials = credentials(location);
        Map<String, Long> rows = new LinkedHashMap<>();
        List<Long> damagedModels = new ArrayList<>();
        long blobBytes = 0;
        try (Connection c = DriverManager.getConnection(location.readerUrl(), DatabaseCredentials.OWNER_USER, credentials.owner())) {
            for (String table : tables(c)) {
                rows.put(table, 0L);
                boolean models = table.equals(MODEL_TABLE);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            try {
                                blobBytes += readFully(rs, i, models);
                            } catch (java.util.zip.ZipException e) {
                                damagedModels.add(rs.getLong("TRIAL_ID"));
                            }
                        }
                        rows.merge(table, 1L, Long::sum);
                    }
                } catch (SQLException | IOException e) {
                    return new Check(location.describe(), rows, blobBytes, damagedModels, "table " + table + " after "
                            + rows.get(table) + " rows: " + StoreFailures.firstLine(e));
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == H2Database.WRONG_USER_OR_PASSWORD) {
                throw new StoreException("cannot log in to " + location.describe() + " with the passwords in "
                        + location.credentialsFile() + ". Fix: restore the credentials file that was written with it.", e);
            }
            return new Check(location.describe(), rows, blobBytes, damagedModels, StoreFailures.firstLine(e));
        }
        return new Check(location.describe(), rows, blobBytes, damagedModels, null);
    }

    /** The table of trained models: DL4J zips, whose entries carry CRC-32s that H2's pages do not. */
    private static final String MODEL_TABLE = "TRIAL_MODEL";

    /**
     * A column's value read to its end (a model streams from its LOB pages): its size in bytes for a blob. H2 checks
     * its pages' places, not their bytes, so a model is also read as the zip it is, every entry against its CRC-32.
     */
    private static long readFully(ResultSet rs, int column, boolean zip) throws SQLException, IOException {
        int type = rs.getMetaData().getColumnType(column);
        if (type == java.sql.Types.BLOB || type == java.sql.Types.VARBINARY || type == java.sql.Types.BINARY
                || type == java.sql.Types.LONGVARBINARY) {
            long n = 0;
            try (InputStream in = rs.getBinaryStream(column)) {
                if (in == null) {
                    return 0;
                }
                byte[] buffer = new byte[64 * 1024];
                if (zip) {
                    try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(in)) {
                        int count = 0;
                        for (var e = entries.getNextEntry(); e != null; e = entries.getNextEntry(), count++) {
                            for (int r = entries.read(buffer); r >= 0; r = entries.read(buffer)) {
                                n += r;
                            }
                        }
                        if (count == 0) {
                            throw new java.util.zip.ZipException("not a zip");
                        }
                    } catch (java.io.EOFException e) {
                        throw new java.util.zip.ZipException("cut short");
                    }
                    return n;
                }
                for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                    n += r;
                }
            }
            return n;
        }
        rs.getString(column);
        return 0;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * Salvages a damaged database: H2's recovery tool reads what it can of a copy into an SQL script, the script
     * builds a new file, and the new file takes the damaged one's place, which is kept beside it as
     * {@code NAME.mv.db.damaged-TIME}. Refused while a process writes the database.
     */
    public static Recovery recover(String given) {
        DatabaseLocation location = fileLocation(given);
        DatabaseCredentials credentials = credentials(location);
        Path data = location.dataFile();
        Check found = check(given);
        Map<String, Long> before = found.rows();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path work;
        try {
            work = Files.createTempDirectory(data.getParent(), ".sweep-recover-");
        } catch (IOException e) {
            throw new StoreException("cannot make a working folder beside " + data + ": " + e.getMessage()
                    + ". Fix: free space there, or make the folder writable.", e);
        }
        Path damagedCopy = data.resolveSibling(data.getFileName() + ".damaged-" + stamp);
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new StoreException(location.describe() + " is being written by " + WriterNote.describeWriter(location) + ". Fix: stop it (Ctrl-C), then run db recover again.", null);
            }
            // Through the locked channel: opening and closing another descriptor would drop the lock (POSIX).
            try (FileChannel copy = FileChannel.open(work.resolve("damaged.mv.db"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (long at = 0, size = channel.size(); at < size; ) {
                    at += channel.transferTo(at, size - at, copy);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + data + ": " + e.getMessage(), e);
        }
        try {
            Recover.execute(work.toString(), "damaged");
            Path script = work.resolve("damaged.h2.sql");
            int unreadable = unreadable(script);
            String url = "jdbc:h2:file:" + work.resolve("recovered");
            try (Connection c = DriverManager.getConnection(url, DatabaseCredentials.OWNER_USER, credentials.owner());
                 Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "'");
                for (long trial : found.damagedModels()) {
                    s.executeUpdate("DELETE FROM trial_model WHERE trial_id = " + trial); // a model that cannot load
                }
            }
            Files.move(data, damagedCopy);
            Files.move(work.resolve("recovered.mv.db"), data, StandardCopyOption.ATOMIC_MOVE);
            OwnerOnlyFiles.restrict(data, damagedCopy);
            Map<String, Long> after = check(given).rows();
            return new Recovery(location.describe(), damagedCopy, before, after, unreadable, found.damagedModels());
        } catch (SQLException | IOException e) {
            throw new StoreException("H2's recovery could not rebuild " + location.describe() + ": " + StoreFailures.firstLine(e)
                    + ". The damaged file is untouched. Fix: restore it from a copy; its script is in " + work, e);
        } finally {
            if (Files.exists(data)) {
                deleteQuietly(work);
            }
        }
    }

    /** The file's size before and after a compaction. */
    public record Compaction(String database, long bytesBefore, long bytesAfter) {
    }

    /**
     * Gives back the space that appending took: the writer appends every change (so that readers beside it never
     * meet overwritten pages), which lets the file grow past its live data. This opens the database as its only
     * writer, with space reuse allowed, and has H2 compact it in place ({@code SHUTDOWN COMPACT}). A reader that
     * reads meanwhile may be refused once and open again; refused while a process writes.
     */
    public static Compaction compact(String given) {
        DatabaseLocation location = fileLocation(given);
        DatabaseCredentials credentials = credentials(location);
        try {
            long before = Files.size(location.dataFile());
            try (Connection owner = DriverManager.getConnection(location.compactingUrl(), DatabaseCredentials.OWNER_USER,
                    credentials.owner());
                 Statement s = owner.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            OwnerOnlyFiles.restrict(location.dataFile());
            return new Compaction(location.describe(), before, Files.size(location.dataFile()));
        } catch (SQLException e) {
            if (e.getErrorCode() == H2Database.DATABASE_ALREADY_OPEN) {
                throw new StoreException(location.describe() + " is being written by " + WriterNote.describeWriter(location) + ". Fix: compact it once that process has ended.", e);
            }
            throw new StoreException("could not compact " + location.describe() + ": " + StoreFailures.firstLine(e)
                    + ". " + H2Database.damageFix(location, e), e);
        } catch (IOException e) {
            throw new StoreException("could not compact " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The places where H2's recovery tool says it could not read the file. */
    private static int unreadable(Path script) throws IOException {
        try (Stream<String> lines = Files.lines(script)) {
            return (int) lines.filter(l -> l.startsWith("-- ERROR") || l.contains("-- ERROR:")).count();
        }
    }

    private static DatabaseLocation fileLocation(String given) {
        DatabaseLocation location = DatabaseLocation.of(given);
        if (!location.isFile()) {
            throw new StoreException("the db commands work on a database file, not " + given
                    + ". Fix: give --db the file's path.", null);
        }
        if (!Files.exists(location.dataFile())) {
            throw new StoreException("no experiment database at " + location.describe()
                    + ". Fix: point --db at the database a sweep wrote.", null);
        }
        return location;
    }

    private static DatabaseCredentials credentials(DatabaseLocation location) {
        return Files.exists(location.credentialsFile())
                ? DatabaseCredentials.read(location.credentialsFile(), location.describe()) : DatabaseCredentials.LEGACY;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover working folder is harmless
        }
    }
}
