package dev.sweep.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares two versions of a sweep file, ignoring comments, blank lines, trailing spaces and run-control keys
 * ({@code max_failures}, {@code parallel}, {@code executor}).
 */
final class SweepFileChanges {
    private SweepFileChanges() {
    }

    /** Top-level keys that steer how a sweep runs, not what its trials compute: changing them keeps it resumable. */
    private static final Pattern RUN_CONTROL = Pattern.compile("^(max_failures|parallel|executor|budget)\\s*:.*");

    static List<String> meaningful(String yaml) {
        List<String> lines = new ArrayList<>();
        boolean inRunControl = false;
        for (String line : yaml.split("\\R")) {
            String code = line.startsWith("#") ? "" : line.replaceAll("\\s+#.*$", "").stripTrailing();
            if (code.isBlank()) {
                continue;
            }
            boolean topLevel = !Character.isWhitespace(code.charAt(0));
            if (topLevel) {
                inRunControl = RUN_CONTROL.matcher(code).matches();
            }
            if (!inRunControl) {
                lines.add(code);
            }
        }
        return lines;
    }

    static String describe(String stored, String given) {
        Set<String> before = new LinkedHashSet<>(meaningful(stored));
        Set<String> after = new LinkedHashSet<>(meaningful(given));
        StringBuilder out = new StringBuilder();
        before.stream().filter(l -> !after.contains(l)).forEach(l -> out.append("      stored: ").append(l.strip()).append('\n'));
        after.stream().filter(l -> !before.contains(l)).forEach(l -> out.append("      file:   ").append(l.strip()).append('\n'));
        return out.toString().stripTrailing();
    }
}
