package dev.sweep.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a sweep may go on starting trials ({@code budget: 30m} in the sweep file, {@code --budget} on run and
 * resume), as Optuna's {@code timeout} and Ray Tune's {@code time_budget_s}: no trial starts once it is spent, and the
 * trials running then finish. A resumed sweep has what is left of it.
 */
public final class TimeBudget {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h)");
    private static final Duration LONGEST = Duration.ofDays(30);

    private TimeBudget() {
    }

    /** {@code 90s}, {@code 30m}, {@code 1.5h}; null, with the reason in {@code problem}, when it is none of those. */
    public static Duration parse(String text, StringBuilder problem) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problem.append("'").append(text).append("' is not a duration");
            return null;
        }
        double amount = Double.parseDouble(m.group(1));
        double seconds = amount * switch (m.group(2)) {
            case "h" -> 3600;
            case "m" -> 60;
            default -> 1;
        };
        if (seconds < 1 || seconds > LONGEST.toSeconds()) {
            problem.append(text).append(" is outside 1s..30 days");
            return null;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** As a user writes it: {@code 30m}, {@code 1.5h}, {@code 45s}. */
    public static String format(Duration budget) {
        long seconds = budget.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
