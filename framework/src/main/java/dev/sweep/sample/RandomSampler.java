package dev.sweep.sample;

import dev.sweep.space.CandidateSequence;
import dev.sweep.space.SearchStrategy;

import java.util.List;
import java.util.Map;

/**
 * Arbiter's random search: candidate k depends only on the space and the seed, never on the history, so a resumed
 * or parallel sweep draws what one run straight through would.
 */
final class RandomSampler implements Sampler {
    private final int trials;
    private final List<Map<String, Object>> candidates;

    RandomSampler(SamplingSpace space, int trials, long seed) {
        this.trials = trials;
        this.candidates = new CandidateSequence(space.specs(), space.conditions(), SearchStrategy.random(trials), seed).first(trials);
    }

    @Override
    public int planned() {
        return trials;
    }

    @Override
    public Suggestion suggest(int number, SamplerHistory history) {
        return new Suggestion(candidates.get(number), "random", List.of());
    }
}
