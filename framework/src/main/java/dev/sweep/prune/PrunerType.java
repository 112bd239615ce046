package dev.sweep.prune;

import dev.sweep.space.ParameterDeclaration;

import java.util.List;
import java.util.Map;

/**
 * A kind of pruner a sweep file can name ({@code pruner: {type: NAME, ...}}): an extension point found by discovery
 * ({@code META-INF/services/dev.sweep.prune.PrunerType}), Sweep's own like a plugin's. Its settings are declared
 * like an architecture's parameters, and the {@code pruner:} section is checked against them, with each problem
 * located in the file.
 */
public interface PrunerType {
    /** What {@code type:} says. */
    String name();

    /** One line for {@code ./sweep plugins} and the docs. */
    String description();

    /** Every setting it reads, with its type, range and default. */
    List<ParameterDeclaration> settings();

    /**
     * @param settings  every declared setting: the file's value, or its default
     * @param maxEpochs the most epochs any trial of the sweep trains (Hyperband's largest budget)
     */
    Pruner create(Map<String, Object> settings, int maxEpochs);
}
