package dev.sweep.query;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code --order-by COLUMN [asc|desc]}: numbers by value, text alphabetically, missing values last. */
public final class TrialOrder {
    private TrialOrder() {
    }

    public static Comparator<Map<String, Object>> parse(String text, Set<String> columns) {
        String[] parts = text.trim().split("\\s+");
        String column = parts[0].toLowerCase(Locale.ROOT);
        if (!columns.contains(column)) {
            throw new TrialFilter.FilterException("--order-by: unknown column '" + parts[0] + "'."
                    + dev.sweep.config.DidYouMean.hint(column, columns) + " Columns: " + String.join(", ", columns));
        }
        boolean descending;
        if (parts.length == 1) {
            descending = false;
        } else if (parts.length == 2 && parts[1].equalsIgnoreCase("desc")) {
            descending = true;
        } else if (parts.length == 2 && parts[1].equalsIgnoreCase("asc")) {
            descending = false;
        } else {
            throw new TrialFilter.FilterException("--order-by is a column and optionally asc or desc, e.g. "
                    + "'val_accuracy desc'; got '" + text + "'");
        }
        Comparator<Object> values = (a, b) -> a instanceof Number x && b instanceof Number y
                ? Double.compare(x.doubleValue(), y.doubleValue()) : String.valueOf(a).compareTo(String.valueOf(b));
        Comparator<Object> direction = descending ? values.reversed() : values;
        return (r1, r2) -> {
            Object a = r1.get(column);
            Object b = r2.get(column);
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            return direction.compare(a, b);
        };
    }
}
