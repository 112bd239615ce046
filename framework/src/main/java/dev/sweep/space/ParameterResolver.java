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
        SEARCHED, FIXED, DEFAULT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A complete parameter set and each value's source, both in declaration order. */
    public record Resolved(Map<String, Object> values, Map<String, Source> sources) {
        public Resolved {
            values = Collections.unmodifiableMap(values);
            sources = Collections.unmodifiableMap(sources);
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

    /** @param space the sweep file's parameters (empty for a network built at its defaults) */
    public ParameterResolver(Map<String, ParameterDeclaration> declared, Map<String, ParameterSpec> space) {
        this.declared = declared;
        this.space = space;
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

    /** The candidate's values over the declared defaults; a value given but not in the space counts as fixed. */
    public Resolved resolve(Map<String, Object> candidate) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        declared.forEach((name, declaration) -> {
            if (candidate.containsKey(name)) {
                ParameterSpec spec = space.get(name);
                values.put(name, candidate.get(name));
                sources.put(name, spec == null || spec.isFixed() ? Source.FIXED : Source.SEARCHED);
            } else if (declaration.defaultValue() != null) {
                values.put(name, declaration.defaultValue());
                sources.put(name, Source.DEFAULT);
            }
        });
        return new Resolved(values, sources);
    }
}
