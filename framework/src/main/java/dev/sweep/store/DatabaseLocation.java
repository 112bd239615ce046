package dev.sweep.store;

import java.nio.file.Path;

/** Turns {@code --db} into an H2 JDBC URL: a file path (H2 adds .mv.db) or a full {@code jdbc:} URL. */
public final class DatabaseLocation {
    public static final String DEFAULT = "experiments";

    private DatabaseLocation() {
    }

    public static String jdbcUrl(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        String path = location.endsWith(".mv.db") ? location.substring(0, location.length() - ".mv.db".length()) : location;
        return "jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize();
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
