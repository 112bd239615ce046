package dev.sweep.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where a trial's parameters are made complete: every declared parameter, in declaration order, with
 * the candidate's value or the declared default, and where each value came from. {@code plan}, {@code run} (and so
 * the stored configuration that Spark workers and {@code export} read) and the benchmark all resolve through it, so
 * they cannot disagree.
 */
public final class ParameterResolver {
    /** Where a resolved value came from, as stored in {@code trial_param.source}. */
    public enum Source {
        /** Chosen by the search; {@code INACTIVE}: its condition does not hold in this trial, so no value of it was
         *  used (the declared default is kept, so the configuration still builds the network). */
        SEARCHED, FIXED, DEFAULT, INACTIVE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A complete parameter set and each value's source, both in declaration order; an inactive parameter without a
     * default has a source and no value.
     */
    public record Resolved(Map<String, Object> values, Map<String, Source> sources) {
        public Resolved {
            values = Collections.unmodifiableMap(values);
            sources = Collections.unmodifiableMap(sources);
        }

        /** The parameters this trial's conditions left out. */
        public java.util.List<String> inactive() {
            return sources.entrySet().stream().filter(e -> e.getValue() == Source.INACTIVE).map(Map.Entry::getKey).toList();
        }

        /** Only the values the search chose. */
        public Map<String, Object> searched() {
            Map<String, Object> searched = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (sources.get(name) == Source.SEARCHED) {
                    searched.put(name, value);
                }
            });
            return searched;
        }

        public Map<String, String> sourceLabels() {
            Map<String, String> labels = new LinkedHashMap<>();
            sources.forEach((name, source) -> labels.put(name, source.label()));
            return labels;
        }
    }

    private final Map<String, ParameterDeclaration> declared;
    private final Map<String, ParameterSpec> space;
    private final Conditions conditions;

    /** @param space the sweep file's parameters (empty for a network built at its defaults) */
    public ParameterResolver(Map<String, ParameterDeclaration> declared, Map<String, ParameterSpec> space) {
        this(declared, space, Conditions.NONE);
    }

    public ParameterResolver(Map<String, ParameterDeclaration> declared, Map<String, ParameterSpec> space, Conditions conditions) {
        this.declared = declared;
        this.space = space;
        this.conditions = conditions;
    }

    /** A parameter's source in the space itself, before any candidate: null for one neither given nor defaulted. */
    public Source sourceOf(String name) {
        ParameterSpec spec = space.get(name);
        if (spec != null) {
            return spec.isFixed() ? Source.FIXED : Source.SEARCHED;
        }
        ParameterDeclaration declaration = declared.get(name);
        return declaration != null && declaration.defaultValue() != null ? Source.DEFAULT : null;
    }

    /**
     * The candidate's values over the declared defaults; a value given but not in the space counts as fixed, and a
     * conditional parameter the candidate lacks is inactive.
     */
    public Resolved resolve(Map<String, Object> candidate) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        declared.forEach((name, declaration) -> {
            if (candidate.containsKey(name)) {
                ParameterSpec spec = space.get(name);
                values.put(name, candidate.get(name));
                sources.put(name, spec == null || spec.isFixed() ? Source.FIXED : Source.SEARCHED);
            } else if (conditions.isConditional(name)) {
                // Kept with its default, if it has one, so that the configuration still builds the same network.
                if (declaration.defaultValue() != null) {
                    values.put(name, declaration.defaultValue());
                }
                sources.put(name, Source.INACTIVE);
            } else if (declaration.defaultValue() != null) {
                values.put(name, declaration.defaultValue());
                sources.put(name, Source.DEFAULT);
            }
        });
        return new Resolved(values, sources);
    }
}
