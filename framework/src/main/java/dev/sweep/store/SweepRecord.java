package dev.sweep.store;

import java.time.OffsetDateTime;

public record SweepRecord(long id, String name, String architecture, String strategy, int plannedTrials, long seed,
                          String objectiveMetric, String objectiveGoal, String dataset, String sourceFile,
                          String yamlText, SweepState state, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    public boolean maximizes() {
        return "MAXIMIZE".equals(objectiveGoal);
    }
}
