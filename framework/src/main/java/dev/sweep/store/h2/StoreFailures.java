package dev.sweep.store.h2;

import java.sql.SQLException;

/** What a database failure says to a user: its first line, and a full disk named as such. */
final class StoreFailures {
    private StoreFailures() {
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst(";\\s*SQL statement:.*$", "");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t);
    }

    /**
     * H2 reports a full disk as "The database has been closed" and keeps the cause in its trace file; the cause
     * chain still holds the operating system's words, so the user is told what actually happened.
     */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && diskFull(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        return diskFull(e) ? "the disk is full (No space left on device)" : firstLine(e);
    }
}
