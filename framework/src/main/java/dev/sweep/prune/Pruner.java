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

    /** One line for progress output and the README: what the rule is. */
    String describe();
}
