package dev.sweep.store;

import java.nio.file.Path;

/**
 * Turns {@code --db} into an H2 JDBC URL: a file path (H2 adds .mv.db) or a full {@code jdbc:} URL, used as given.
 *
 * <p>A file database opens in H2's automatic mixed mode (AUTO_SERVER) so that a second process, e.g. a leaderboard
 * while a sweep runs, can read it: the first process to open the file serves it to the others over a port that H2
 * binds to the loopback address only and that refuses connections from other machines. No web console is started.
 */
public final class DatabaseLocation {
    public static final String DEFAULT = "experiments";

    static {
        // Read by H2 when it opens server sockets; loopback keeps the mixed-mode port off the network.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private DatabaseLocation() {
    }

    public static String jdbcUrl(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        String path = location.endsWith(".mv.db") ? location.substring(0, location.length() - ".mv.db".length()) : location;
        // WRITE_DELAY=0: H2 otherwise holds committed writes up to half a second, which a killed process loses.
        return "jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /**
     * The URL for the read-only {@code sweep_reader}: as {@link #jdbcUrl} without WRITE_DELAY, which only an admin may
     * set (it is the writer's setting anyway).
     */
    public static String readerUrl(String location) {
        return jdbcUrl(location).replace(";WRITE_DELAY=0", "");
    }

    /** What to call the database in messages: the file H2 actually writes, or the URL. */
    public static String describe(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        String path = location.endsWith(".mv.db") ? location : location + ".mv.db";
        return Path.of(path).toString();
    }
}
