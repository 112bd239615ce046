package dev.sweep.arch;

import dev.sweep.space.ParameterDeclaration;

import java.util.List;
import java.util.Optional;

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

    /**
     * Why these parameters cannot take pictures of {@code input}'s size ("three 2x2 poolings leave nothing of 4x6
     * pictures..."), naming the size and the fix, or empty when they can. Sweep asks before each trial builds its
     * network, so that too small a picture fails the trial with these words, not with a DL4J error.
     */
    default Optional<String> inputProblem(ImageShape input, HyperParameters parameters) {
        return Optional.empty();
    }

    /** Builds an initialized network; the request's base configuration already carries seed, updater and L2. */
    Network build(NetworkRequest request);
}
