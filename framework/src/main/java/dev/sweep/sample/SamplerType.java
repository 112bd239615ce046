package dev.sweep.sample;

import dev.sweep.space.ParameterDeclaration;

import java.util.List;
import java.util.Map;

/**
 * A kind of search a sweep file can name ({@code strategy: {type: NAME, trials: N, ...}}): an extension point found
 * by discovery ({@code META-INF/services/dev.sweep.sample.SamplerType}), Sweep's own like a plugin's. Its settings
 * are declared like an architecture's parameters and checked against the file, each problem at its place.
 */
public interface SamplerType {
    /** What {@code type:} says. */
    String name();

    /** One line for {@code ./sweep plugins}, {@code plan} and the docs. */
    String description();

    /**
     * True for a search that decides its own number of trials (a grid runs every point): the file then gives no
     * {@code trials}.
     */
    default boolean plansItsOwnTrials() {
        return false;
    }

    /** Every setting it reads besides {@code trials}, with its type, range and default. */
    List<ParameterDeclaration> settings();

    /**
     * @param trials   the file's {@code trials}; 0 for a search that plans its own
     * @param settings every declared setting: the file's value or its default
     * @param seed     the sweep's seed
     */
    Sampler create(SamplingSpace space, int trials, Map<String, Object> settings, long seed);

    /** How progress, the store and the report name the search, e.g. {@code random search, 12 trials}. */
    default String describe(int trials, Map<String, Object> settings) {
        return name() + " search, " + trials + " trials";
    }

    /**
     * How many first trials it draws at random before it learns from the finished ones; empty for a sampler that does
     * not learn. {@code plan} shows it.
     */
    default java.util.OptionalInt startupTrials(Map<String, Object> settings) {
        return java.util.OptionalInt.empty();
    }

    /** What is wrong with the settings for this space (e.g. a grid too large to walk), and how to fix it. */
    record Problem(String message, String fix) {
    }

    /** None by default. */
    default List<Problem> problemsWith(SamplingSpace space, int trials, Map<String, Object> settings) {
        return List.of();
    }
}
