package dev.sweep.store.h2;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --db} names: a database file (H2 adds .mv.db; a folder means {@code FOLDER/experiments}) or a full
 * {@code jdbc:} URL, used as given.
 *
 * <p>One process writes a file database at a time, embedded and alone: no server, no port, nobody else's query in
 * its heap. It appends and never overwrites ({@code REUSE_SPACE=FALSE}), so any number of readers in processes of
 * their own open the same file read-only beside it ({@link ReadOnlyFiles}), each reading the last complete version.
 * Every connection logs in with a password from the database's credentials file (see {@link DatabaseCredentials}).
 */
public final class DatabaseLocation {
    private static final String DATA_SUFFIX = ".mv.db";

    private final String url;
    private final Path base;

    private DatabaseLocation(String url, Path base) {
        this.url = url;
        this.base = base;
    }

    public static DatabaseLocation of(String given) {
        if (given.startsWith("jdbc:")) {
            return new DatabaseLocation(given, null);
        }
        Path path = Path.of(given).toAbsolutePath().normalize();
        // "--db results/" names a folder: the database is the default file inside it, and messages say so.
        if (given.endsWith("/") || Files.isDirectory(path)) {
            path = path.resolve(dev.sweep.store.ExperimentStore.DEFAULT_LOCATION);
        } else if (path.getFileName().toString().endsWith(DATA_SUFFIX)) {
            String name = path.getFileName().toString();
            path = path.resolveSibling(name.substring(0, name.length() - DATA_SUFFIX.length()));
        }
        return new DatabaseLocation(null, path);
    }

    public boolean isFile() {
        return base != null;
    }

    /** The file H2 writes: {@code BASE.mv.db}. */
    public Path dataFile() {
        return sibling(DATA_SUFFIX);
    }

    /** The lock file an older Sweep's mixed mode left; this one makes none, and its readers look past it. */
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

    /** Read-only media, or a full disk: nothing can be written there, so a database that must be written is refused. */
    public boolean readOnlyMedia() {
        return isFile() && Files.exists(dataFile())
                && !(Files.isWritable(dataFile()) && Files.isWritable(base.getParent()));
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

    /**
     * The writer's URL: the file locked by the operating system for this process alone (H2's FILE_LOCK=FS, released
     * when the process dies, however it dies), every change appended. (WRITE_DELAY=0, which makes each commit reach
     * the file at once, is a persistent setting of the database since migration V8.)
     */
    public String jdbcUrl() {
        if (!isFile()) {
            return url;
        }
        return "jdbc:h2:file:" + base + ";REUSE_SPACE=FALSE";
    }

    /** The writer's URL with H2's own space reuse, for a compaction that runs with no reader's version to keep. */
    String compactingUrl() {
        return "jdbc:h2:file:" + base;
    }

    /** The owner's connection that creates and migrates the database: the writer's. */
    String ownerUrl() {
        return jdbcUrl();
    }

    /**
     * A reader's URL: the file opened read-only without a lock, beside a writer or none; the version it reads is the
     * last complete one when it opens. A {@code jdbc:} URL is used as given.
     */
    String readerUrl() {
        if (!isFile()) {
            return url;
        }
        return "jdbc:h2:" + ReadOnlyFiles.prefix() + base + ";ACCESS_MODE_DATA=r";
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
