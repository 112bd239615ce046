package dev.sweep.store;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A stored trial with its parameters as text, in declaration order.
 *
 * @param parameterSources for each parameter: searched, fixed or default
 * @param worker           the process that ran it last, as {@code pid@host}
 * @param attempt          how many times this candidate number has been started
 * @param repeats          executions with different seeds; objectiveValue is their mean and objectiveStd their spread
 * @param bestEpoch        the epoch whose weights the stored model holds
 */
public record TrialRecord(long id, long sweepId, String sweepName, int number, TrialState state, long seed,
                          String configJson, Map<String, String> parameters, Map<String, String> parameterSources,
                          Double objectiveValue, Double valAccuracy, Double valLoss, Double valMacroF1, Double valAucRoc,
                          Double testAccuracy, Double testLoss, Double testMacroF1, Double testAucRoc,
                          Long paramCount, int epochsDone, Double trainSeconds, Double evalSeconds, Double wallSeconds,
                          String error, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                          String worker, OffsetDateTime heartbeatAt, int attempt, int repeats, Double objectiveStd,
                          Integer bestEpoch, Double trainImagesPerSecond, Long modelBytes, Double latencyMsBatch1,
                          Double latencyMsBatch256) {
}
