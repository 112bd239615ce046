package dev.sweep.sample;

import dev.sweep.space.CandidateSequence;
import dev.sweep.space.SearchStrategy;

import java.util.List;
import java.util.Map;

/** Every point of the grid, walked in one fixed order, so that trial k is point k and finished points are skipped. */
final class GridSampler implements Sampler {
    private final List<Map<String, Object>> points;

    GridSampler(SamplingSpace space, int points) {
        CandidateSequence grid = new CandidateSequence(space.specs(), space.conditions(), SearchStrategy.grid(points), 0);
        this.points = grid.first(grid.plannedCount());
    }

    @Override
    public int planned() {
        return points.size();
    }

    @Override
    public Suggestion suggest(int number, SamplerHistory history) {
        return new Suggestion(points.get(number), "grid", List.of());
    }
}
