package dev.sweep.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares two versions of a sweep file, ignoring comments, blank lines and trailing spaces. */
final class SweepFileChanges {
    private SweepFileChanges() {
    }

    static List<String> meaningful(String yaml) {
        List<String> lines = new ArrayList<>();
        for (String line : yaml.split("\\R")) {
            String code = line.startsWith("#") ? "" : line.replaceAll("\\s+#.*$", "").stripTrailing();
            if (!code.isBlank()) {
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
