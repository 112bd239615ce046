package dev.sweep.arch;

import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterResolver;
import dev.sweep.space.ParameterSpec;
import dev.sweep.train.TrainerParameters;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registered architectures, by name, and the parameters a sweep of each may set. */
public final class ArchitectureRegistry {
    private final Map<String, Architecture> architectures;

    /**
     * Whether an architecture may be called so: lower-case letters, digits and '_', and no trainer parameter's name,
     * since it opens its branch in a sweep file's parameters.
     */
    public static boolean validName(String name) {
        return name != null && name.matches("[a-z][a-z0-9_]*") && !TrainerParameters.byName().containsKey(name)
                && !name.equals(ArchitectureBranches.KEY);
    }

    @Inject
    public ArchitectureRegistry(Map<String, Architecture> architectures) {
        List<String> clashes = new ArrayList<>();
        architectures.forEach((key, architecture) -> {
            if (!key.equals(architecture.name())) {
                clashes.add("architecture registered as '" + key + "' calls itself '" + architecture.name() + "'");
            }
            if (!validName(key)) {
                clashes.add("architecture '" + key + "' needs a name of lower-case letters, digits and '_' that no "
                        + "trainer parameter has: it opens its branch in a sweep file's parameters");
            }
            for (ParameterDeclaration p : architecture.parameters()) {
                if (TrainerParameters.byName().containsKey(p.name())) {
                    clashes.add("architecture '" + key + "' declares '" + p.name() + "', which is a trainer parameter");
                }
            }
        });
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("invalid architecture registrations: " + String.join("; ", clashes));
        }
        this.architectures = Collections.unmodifiableMap(new TreeMap<>(architectures));
    }

    public Optional<Architecture> find(String name) {
        return Optional.ofNullable(architectures.get(name));
    }

    public Architecture get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown architecture '" + name + "'; known: " + String.join(", ", names())));
    }

    public List<String> names() {
        return List.copyOf(architectures.keySet());
    }

    public List<Architecture> all() {
        return List.copyOf(architectures.values());
    }

    /** Trainer parameters first, then the architecture's own, by name. */
    public Map<String, ParameterDeclaration> declaredParameters(Architecture architecture) {
        Map<String, ParameterDeclaration> declared = new LinkedHashMap<>(TrainerParameters.byName());
        architecture.parameters().forEach(p -> declared.put(p.name(), p));
        return declared;
    }

    /** The resolver of a sweep's parameters for this architecture: the trainer's and the architecture's declarations. */
    public ParameterResolver resolver(Architecture architecture, Map<String, ParameterSpec> space) {
        return resolver(architecture, space, Conditions.NONE);
    }

    public ParameterResolver resolver(Architecture architecture, Map<String, ParameterSpec> space, Conditions conditions) {
        return new ParameterResolver(declaredParameters(architecture), space, conditions);
    }

    /** The resolver of one architecture's trials in a sweep that may search several. */
    public ParameterResolver resolver(ArchitectureBranches branches, String architecture, Map<String, ParameterSpec> space,
                                      Conditions conditions) {
        return resolver(get(architecture), branches.specsFor(architecture, space), branches.conditionsFor(architecture, conditions));
    }

    /** Every declared default of the architecture and the trainer, with {@code values} over them. */
    public HyperParameters resolve(Architecture architecture, Map<String, Object> values) {
        return new HyperParameters(resolver(architecture, Map.of()).resolve(values).values());
    }
}
