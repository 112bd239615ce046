package dev.sweep.arch;

import dev.sweep.space.ParameterDeclaration;

import java.util.List;

/**
 * A network family that Sweep can tune: a plugin. It declares its tunable parameters and builds a DL4J network
 * from a resolved set of them. It is found by discovery ({@link java.util.ServiceLoader}): list the class in
 * {@code META-INF/services/dev.sweep.arch.Architecture} of its jar, Sweep's own or a plugin's, and give it a public
 * constructor without arguments.
 */
public interface Architecture {

    /** The name used in sweep files ({@code architecture: mlp}). */
    String name();

    /** One line for {@code sweep architectures}. */
    String description();

    /** Every parameter this architecture reads; trainer parameters (epochs, optimizer, ...) are not repeated here. */
    List<ParameterDeclaration> parameters();

    /** Builds an initialized network; the request's base configuration already carries seed, updater and L2. */
    Network build(NetworkRequest request);
}
