package dev.sweep.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the known name closest to a misspelt one. */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static Optional<String> closest(String given, Collection<String> known) {
        String lower = given.toLowerCase();
        return known.stream()
                .filter(k -> distance(lower, k.toLowerCase()) <= Math.max(2, k.length() / 3))
                .min(Comparator.comparingInt(k -> distance(lower, k.toLowerCase())));
    }

    /** " Did you mean 'x'?" or the empty string. */
    public static String hint(String given, Collection<String> known) {
        return closest(given, known).map(k -> " Did you mean '" + k + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
