package dev.sweep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's query runs in the reader's process, never in the sweep's: the query that once took a sweep from 656 MB
 * to 3,960 MB (nine nested REPLACEs, each making its string eight times longer) leaves the sweep's memory as it was,
 * and ends in the reader with an error: its timeout, or its own memory running out.
 */
class ReaderIsolationTest {
    @TempDir
    Path dir;

    private static final int QUERY_WOULD_ADD_AT_LEAST_MB = 1024;

    private static final Pattern PEAK = Pattern.compile("peak memory ([0-9]+) MB");

    static String nestedReplace() {
        String v = "'aaaaaaa'";
        for (int i = 0; i < 9; i++) {
            v = "REPLACE(" + v + ", 'a', 'aaaaaaaa')";
        }
        return "SELECT LENGTH(v) FROM (SELECT " + v + " AS v FROM epoch_metrics LIMIT 4) ORDER BY v";
    }

    private static final Pattern WALL = Pattern.compile("[0-9]+ complete, [0-9]+ failed, ([0-9.]+) s");

    /** The sweep's own wall time, from its summary line; printed beside the memory, never asserted (a busy machine). */
    private static double sweepSeconds(String output) {
        Matcher m = WALL.matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static int peakMegabytes(String output) {
        Matcher m = PEAK.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aMemoryHungryQueryBesideASweepEndsInTheReaderAndLeavesTheSweepsMemoryAlone() throws Exception {
        String db = dir.resolve("experiments").toString();
        Path alone = SurvivalTest.sweepFile(dir, "alone", 4, 3, "parallel: 2");
        Path watched = SurvivalTest.sweepFile(dir, "watched", 4, 3, "parallel: 2");

        int baseline;
        double aloneSeconds;
        try (SweepProcess sweep = SweepProcess.start(dir.resolve("alone.log"), "run", alone.toString(), "--db", db)) {
            assertThat(sweep.waitFor(Duration.ofMinutes(3))).as(sweep.output()).isZero();
            baseline = peakMegabytes(sweep.output());
            aloneSeconds = sweepSeconds(sweep.output());
        }

        try (SweepProcess sweep = SweepProcess.start(dir.resolve("watched.log"), "run", watched.toString(), "--db", db)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!sweep.output().contains("epoch 1") && System.nanoTime() < deadline) {
                assertThat(sweep.isAlive()).as(sweep.output()).isTrue();
                Thread.sleep(100);
            }
            long started = System.nanoTime();
            try (SweepProcess query = SweepProcess.start(dir.resolve("query.log"), "sql", nestedReplace(), "--timeout", "5",
                    "--db", db)) {
                int exit = query.waitFor(Duration.ofSeconds(120)); // a query that never ends would fail here
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("the query ended after %.1f s: %s%n", seconds, query.output().strip());
                assertThat(exit).as(query.output()).isEqualTo(2);
                assertThat(query.output()).containsAnyOf("ran longer than 5 s", "needed more memory than this process has");
            }
            assertThat(sweep.waitFor(Duration.ofMinutes(3))).as(sweep.output()).isZero();
            assertThat(sweep.output()).contains("4 complete, 0 failed");
            int peak = peakMegabytes(sweep.output());
            System.out.printf("sweep peak memory: %d MB alone, %d MB beside the query (%.2fx); its trials: %.1f s alone, %.1f s "
                    + "beside it%n", baseline, peak, peak / (double) baseline, aloneSeconds, sweepSeconds(sweep.output()));
            // The query wants gigabytes (the old design took the sweep from 656 to 3,960 MB); the sweep's own peak
            // varies by a hundred megabytes or two from run to run with the collector's timing, so the bound sits between.
            assertThat(peak).as("the sweep's peak memory beside the query, against %d MB alone", baseline)
                    .isLessThanOrEqualTo(baseline + QUERY_WOULD_ADD_AT_LEAST_MB);
        }
    }
}
