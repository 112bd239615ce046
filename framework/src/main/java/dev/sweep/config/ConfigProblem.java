package dev.sweep.config;

/**
 * One thing wrong with a configuration, located in its file.
 *
 * @param line   1-based, or 0 when the problem is about the file as a whole
 * @param fix    what to do about it, or null when the message says it already
 */
public record ConfigProblem(String file, int line, int column, String message, String fix) {

    public String render() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + message + (fix == null ? "" : "\n    fix: " + fix);
    }
}
