package dev.sweep.arch;

import dev.sweep.space.ParameterDeclaration;

import java.util.List;

/**
 * A network family that Sweep can tune: a plugin. It declares its tunable parameters and builds a DL4J network
 * from a resolved set of them. Register one with a single line in the architectures module.
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
