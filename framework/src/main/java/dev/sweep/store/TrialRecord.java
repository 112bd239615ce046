package dev.sweep.store;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A stored trial with its parameters as text, in declaration order, and its figures by the metric catalogue.
 *
 * @param architecture     the one it built; in a sweep over several architectures, its branch
 * @param parameterSources for each parameter: searched, fixed or default
 * @param worker           the process that ran it last, as {@code pid@host}
 * @param attempt          how many times this candidate number has been started
 * @param metrics          every {@link TrialMetric} stored for it; a figure not measured (yet) is absent
 */
public record TrialRecord(long id, long sweepId, String sweepName, int number, String architecture, TrialState state, long seed,
                          String configJson, Map<String, String> parameters, Map<String, String> parameterSources,
                          String error, OffsetDateTime startedAt, OffsetDateTime finishedAt, String worker,
                          OffsetDateTime heartbeatAt, int attempt, Map<TrialMetric, Number> metrics) {

    /** The metric's value, or null. */
    public Number metric(TrialMetric metric) {
        return metrics.get(metric);
    }

    private Double number(TrialMetric metric) {
        Number n = metrics.get(metric);
        return n == null ? null : n.doubleValue();
    }

    private Integer integer(TrialMetric metric) {
        Number n = metrics.get(metric);
        return n == null ? null : n.intValue();
    }

    private Long whole(TrialMetric metric) {
        Number n = metrics.get(metric);
        return n == null ? null : n.longValue();
    }

    // The catalogue's figures under the names the code reads them by.

    /** The mean of the repeats' objective. */
    public Double objectiveValue() {
        return number(TrialMetric.OBJECTIVE);
    }

    public Double objectiveStd() {
        return number(TrialMetric.OBJECTIVE_STD);
    }

    /** Executions with different seeds; 0 until the trial completes. */
    public int repeats() {
        Integer n = integer(TrialMetric.REPEATS);
        return n == null ? 0 : n;
    }

    public Double valAccuracy() {
        return number(TrialMetric.VAL_ACCURACY);
    }

    public Double valLoss() {
        return number(TrialMetric.VAL_LOSS);
    }

    public Double valMacroF1() {
        return number(TrialMetric.VAL_MACRO_F1);
    }

    public Double valAucRoc() {
        return number(TrialMetric.VAL_AUC_ROC);
    }

    public Double testAccuracy() {
        return number(TrialMetric.TEST_ACCURACY);
    }

    public Double testLoss() {
        return number(TrialMetric.TEST_LOSS);
    }

    public Double testMacroF1() {
        return number(TrialMetric.TEST_MACRO_F1);
    }

    public Double testAucRoc() {
        return number(TrialMetric.TEST_AUC_ROC);
    }

    public int epochsDone() {
        Integer n = integer(TrialMetric.EPOCHS_DONE);
        return n == null ? 0 : n;
    }

    /** The epoch whose weights the stored model holds. */
    public Integer bestEpoch() {
        return integer(TrialMetric.BEST_EPOCH);
    }

    public Double trainSeconds() {
        return number(TrialMetric.TRAIN_SECONDS);
    }

    public Double evalSeconds() {
        return number(TrialMetric.EVAL_SECONDS);
    }

    public Double wallSeconds() {
        return number(TrialMetric.WALL_SECONDS);
    }

    public Long paramCount() {
        return whole(TrialMetric.PARAMS);
    }

    public Double trainImagesPerSecond() {
        return number(TrialMetric.TRAIN_IMAGES_PER_S);
    }

    public Long modelBytes() {
        return whole(TrialMetric.MODEL_BYTES);
    }

    public Double latencyMsBatch1() {
        return number(TrialMetric.LATENCY_MS_BATCH1);
    }

    public Double latencyMsBatch256() {
        return number(TrialMetric.LATENCY_MS_BATCH256);
    }
}
