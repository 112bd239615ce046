package dev.sweep.store.h2;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --db} names: a database file (H2 adds .mv.db; a folder means {@code FOLDER/experiments}) or a full
 * {@code jdbc:} URL, used as given.
 *
 * <p>A file database opens in H2's automatic mixed mode (AUTO_SERVER) so that a second process, e.g. a leaderboard
 * while a sweep runs, can read it: the first process to open the file serves it to the others over a port that H2
 * binds to the loopback address only. Every connection logs in with a password from the database's credentials file
 * (see {@link DatabaseCredentials}). No web console is started. A database on read-only media opens read-only,
 * without the server, which H2 cannot run there.
 */
public final class DatabaseLocation {
    private static final String DATA_SUFFIX = ".mv.db";

    static {
        // Read by H2 when it opens server sockets; loopback keeps the mixed-mode port off the network.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final String url;
    private final Path base;
    private final boolean forcedReadOnly;

    private DatabaseLocation(String url, Path base, boolean forcedReadOnly) {
        this.url = url;
        this.base = base;
        this.forcedReadOnly = forcedReadOnly;
    }

    public static DatabaseLocation of(String given) {
        if (given.startsWith("jdbc:")) {
            return new DatabaseLocation(given, null, false);
        }
        Path path = Path.of(given).toAbsolutePath().normalize();
        // "--db results/" names a folder: the database is the default file inside it, and messages say so.
        if (given.endsWith("/") || Files.isDirectory(path)) {
            path = path.resolve(dev.sweep.store.ExperimentStore.DEFAULT_LOCATION);
        } else if (path.getFileName().toString().endsWith(DATA_SUFFIX)) {
            String name = path.getFileName().toString();
            path = path.resolveSibling(name.substring(0, name.length() - DATA_SUFFIX.length()));
        }
        return new DatabaseLocation(null, path, false);
    }

    public boolean isFile() {
        return base != null;
    }

    /** The file H2 writes: {@code BASE.mv.db}. */
    public Path dataFile() {
        return sibling(DATA_SUFFIX);
    }

    /** H2's lock file, which holds the mixed-mode server's port and key while a process serves the database. */
    public Path lockFile() {
        return sibling(".lock.db");
    }

    public Path traceFile() {
        return sibling(".trace.db");
    }

    /** The owner-only file of the database's passwords, beside it. */
    public Path credentialsFile() {
        return sibling(".credentials");
    }

    private Path sibling(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    /**
     * Read-only media, or a full disk for a command that only reads: H2 can neither lock the file nor serve it there,
     * so the database opens read-only.
     */
    public boolean readOnlyMedia() {
        return isFile() && Files.exists(dataFile())
                && (forcedReadOnly || !(Files.isWritable(dataFile()) && Files.isWritable(base.getParent())));
    }

    /** The same file, opened read-only: a full disk must not keep a leaderboard from being read. */
    DatabaseLocation readOnly() {
        return new DatabaseLocation(url, base, true);
    }

    /** Bytes free for the database on its disk; unknown (a jdbc: URL) is taken as plenty. */
    long usableSpace() {
        if (!isFile()) {
            return Long.MAX_VALUE;
        }
        try {
            return Files.getFileStore(base.getParent()).getUsableSpace();
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The URL of Sweep's own connections. */
    public String jdbcUrl() {
        if (!isFile()) {
            return url;
        }
        return "jdbc:h2:file:" + base + (readOnlyMedia() ? "" : ";AUTO_SERVER=TRUE");
    }

    /**
     * The URL of the owner's connection that creates and migrates the database. (WRITE_DELAY=0, which makes each
     * commit reach the file at once, is a persistent setting of the database since migration V8: a URL setting
     * would be written again at every open, and fail on a full disk.)
     */
    String ownerUrl() {
        return jdbcUrl();
    }

    /** Opens the file read-only and alone: a look at a file that has not yet opened cleanly, which cannot change it. */
    String probeUrl() {
        return "jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r";
    }

    /** What to call the database in messages: the file H2 actually writes, or the URL. */
    public String describe() {
        return isFile() ? dataFile().toString() : url;
    }

    @Override
    public String toString() {
        return describe();
    }
}
