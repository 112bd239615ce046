package dev.sweep.store;

import java.util.List;

/** Read-only SQL over the documented views, for {@code sweep sql}. */
public interface QueryStore {
    /** The documented views that {@link #readOnlyQuery} may read. */
    List<String> VIEWS = List.of("leaderboard", "trial_params", "epoch_metrics", "sweeps");

    /** A query's column names and rows, as text. */
    record QueryResult(List<String> columns, List<List<String>> rows) {
    }

    /** A query the reader could not run: bad SQL, something it may not do, or one that ran past its time. */
    final class QueryException extends RuntimeException {
        public QueryException(String message) {
            super(message);
        }
    }

    /**
     * Runs one SELECT as a user that may only read the views: whatever the text, it cannot write or reach files.
     * At most {@code maxRows} rows; stopped after {@code timeoutSeconds}.
     */
    QueryResult readOnlyQuery(String select, int maxRows, int timeoutSeconds);
}
