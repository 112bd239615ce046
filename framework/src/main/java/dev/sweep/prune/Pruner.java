package dev.sweep.prune;

/**
 * Decides after each epoch whether a trial goes on, from the sweep's stored history. Decisions use only what is
 * stored, so a resumed sweep decides as an uninterrupted one would.
 */
public interface Pruner {

    /**
     * @param trial   the candidate number of the trial asking
     * @param epoch   the epoch it just finished, from 1
     * @param value   its objective after that epoch
     * @param history the other trials of the sweep, as stored
     */
    boolean shouldPrune(int trial, int epoch, double value, History history);

    /**
     * Whether trial {@code other} competes with {@code trial}: the sampler drawing {@code trial} learns only from the
     * trials it competes with. All of them, but for a pruner that splits the sweep into groups (Hyperband's brackets).
     */
    default boolean competesWith(int trial, int other) {
        return true;
    }

    /** One line for progress output and the docs: what the rule is. */
    String describe();
}
