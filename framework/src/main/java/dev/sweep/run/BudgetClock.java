package dev.sweep.run;

import dev.sweep.store.TrialRecord;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much of a sweep's time budget its earlier runs used, from what the store keeps, so that a resumed sweep gets what
 * is left: the time from the first trial's start to the last one's end in each run, a run being trials that follow one
 * another with less than {@link #BETWEEN_RUNS} between them (so a run's own work between trials counts, and the hours
 * between two runs do not). A trial left RUNNING by a crash counts up to its last heartbeat.
 */
public final class BudgetClock {
    /** A pause this long between trials is taken to lie between two runs of the sweep. */
    static final Duration BETWEEN_RUNS = Duration.ofSeconds(30);

    private BudgetClock() {
    }

    /**
     * What is left of the budget; less than a second counts as none, since the last run stopped a moment after its last
     * trial ended, a moment the store does not see.
     */
    public static Duration left(Duration budget, Duration used) {
        Duration left = budget.minus(used);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ZERO : left;
    }

    public static Duration used(List<TrialRecord> trials) {
        List<OffsetDateTime[]> spans = new ArrayList<>();
        for (TrialRecord t : trials) {
            OffsetDateTime end = t.finishedAt() != null ? t.finishedAt() : t.heartbeatAt();
            if (t.startedAt() != null && end != null && end.isAfter(t.startedAt())) {
                spans.add(new OffsetDateTime[] {t.startedAt(), end});
            }
        }
        spans.sort(Comparator.comparing(s -> s[0]));
        Duration total = Duration.ZERO;
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        for (OffsetDateTime[] s : spans) {
            if (to == null || s[0].isAfter(to.plus(BETWEEN_RUNS))) {
                if (to != null) {
                    total = total.plus(Duration.between(from, to));
                }
                from = s[0];
                to = s[1];
            } else if (s[1].isAfter(to)) {
                to = s[1];
            }
        }
        return to == null ? total : total.plus(Duration.between(from, to));
    }
}
