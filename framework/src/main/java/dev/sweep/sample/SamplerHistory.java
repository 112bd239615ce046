package dev.sweep.sample;

import dev.sweep.store.TrialState;

import java.util.List;

/**
 * Every trial of the sweep a sampler may learn from, in number order: finished ones, failed and pruned ones, and
 * those still running (whose candidates are known but not their outcome).
 *
 * @param maximize whether a larger objective is better
 */
public record SamplerHistory(List<Observation> trials, boolean maximize) {
    public SamplerHistory {
        trials = List.copyOf(trials);
    }

    public static SamplerHistory empty(boolean maximize) {
        return new SamplerHistory(List.of(), maximize);
    }

    /** The trials {@code kept} accepts, by number. */
    public SamplerHistory only(java.util.function.IntPredicate kept) {
        return new SamplerHistory(trials.stream().filter(t -> kept.test(t.number())).toList(), maximize);
    }

    /** Trials with an outcome: complete, pruned or failed. */
    public List<Observation> finished() {
        return trials.stream().filter(t -> t.state() != TrialState.RUNNING && t.state() != TrialState.INTERRUPTED).toList();
    }

    /** Whether objective {@code a} is better than {@code b}. */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }
}
