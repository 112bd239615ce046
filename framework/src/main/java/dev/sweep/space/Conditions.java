package dev.sweep.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When each conditional parameter of a space is active: {@code momentum: {float: [0.5, 0.99], when: {optimizer: sgd}}}
 * makes momentum active only in candidates whose optimizer is sgd. A parameter is active when every parameter its
 * condition names is itself active and has one of the listed values; the others are not part of the candidate.
 *
 * @param when for each conditional parameter, the parameters its condition names and the values each may have
 */
public record Conditions(Map<String, Map<String, List<Object>>> when) {
    public static final Conditions NONE = new Conditions(Map.of());

    public Conditions {
        Map<String, Map<String, List<Object>>> copy = new LinkedHashMap<>();
        when.forEach((name, condition) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(condition))));
        when = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return when.isEmpty();
    }

    public boolean isConditional(String name) {
        return when.containsKey(name);
    }

    /** The candidate without its inactive parameters, in the candidate's order. */
    public Map<String, Object> activeOnly(Map<String, Object> candidate) {
        if (when.isEmpty()) {
            return candidate;
        }
        Map<String, Object> active = new LinkedHashMap<>(candidate);
        // Conditions may chain (units_3 when hidden_layers is 3, dropout_3 when units_3 ...): drop until nothing changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Map<String, List<Object>>> conditional : when.entrySet()) {
                String name = conditional.getKey();
                if (active.containsKey(name) && !holds(conditional.getValue(), active)) {
                    active.remove(name);
                    changed = true;
                }
            }
        }
        return active;
    }

    /** Whether {@code name} is active given the parameters already known to be active and their values. */
    boolean isActive(String name, Map<String, Object> active) {
        Map<String, List<Object>> condition = when.get(name);
        return condition == null || holds(condition, active);
    }

    private static boolean holds(Map<String, List<Object>> condition, Map<String, Object> active) {
        for (Map.Entry<String, List<Object>> c : condition.entrySet()) {
            if (!active.containsKey(c.getKey()) || !c.getValue().contains(active.get(c.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** How a parameter's condition reads, e.g. {@code when optimizer = sgd}; empty for an unconditional one. */
    public String describe(String name) {
        Map<String, List<Object>> condition = when.get(name);
        if (condition == null) {
            return "";
        }
        return "when " + condition.entrySet().stream().map(c -> c.getKey() + (c.getValue().size() == 1 ? " = " : " in ")
                + c.getValue().stream().map(ParameterValues::format).collect(Collectors.joining(", "))).collect(Collectors.joining(" and "));
    }
}
