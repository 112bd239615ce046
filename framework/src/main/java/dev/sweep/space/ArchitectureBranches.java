package dev.sweep.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architectures a sweep searches over, and how its candidates carry them. A sweep of several architectures
 * searches the reserved parameter {@value #KEY} like any choice, and keeps each architecture's own parameters under
 * {@code mlp.units}-style keys, active only when that architecture is chosen. A trial sees its architecture and its
 * parameters under their own names, as a single-architecture sweep would give them.
 *
 * @param architectures in the sweep file's order; one for a plain sweep
 */
public record ArchitectureBranches(List<String> architectures) {
    public static final String KEY = "architecture";

    public ArchitectureBranches {
        if (architectures.isEmpty()) {
            throw new IllegalArgumentException("a sweep has at least one architecture");
        }
        architectures = List.copyOf(architectures);
    }

    public static ArchitectureBranches of(String architecture) {
        return new ArchitectureBranches(List.of(architecture));
    }

    public boolean mixed() {
        return architectures.size() > 1;
    }

    /** How the sweep names its architectures: {@code mlp}, or {@code mlp, cnn}. */
    public String label() {
        return String.join(", ", architectures);
    }

    /** The key of an architecture's own parameter in the candidates of a mixed sweep. */
    public static String branchKey(String architecture, String parameter) {
        return architecture + "." + parameter;
    }

    /** The architecture a candidate builds. */
    public String architectureOf(Map<String, Object> candidate) {
        return mixed() ? (String) candidate.get(KEY) : architectures.get(0);
    }

    /** The candidate's values as its architecture's trial sees them: shared ones and its own, under their own names. */
    public Map<String, Object> parametersOf(Map<String, Object> candidate) {
        if (!mixed()) {
            return candidate;
        }
        String prefix = architectureOf(candidate) + ".";
        Map<String, Object> values = new LinkedHashMap<>();
        candidate.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                values.put(key.substring(prefix.length()), value);
            } else if (!key.equals(KEY) && !isBranchKey(key)) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** The space one architecture's trials are resolved against: the shared parameters and its own. */
    public Map<String, ParameterSpec> specsFor(String architecture, Map<String, ParameterSpec> specs) {
        if (!mixed()) {
            return specs;
        }
        Map<String, ParameterSpec> own = new LinkedHashMap<>();
        specs.forEach((key, spec) -> {
            String name = ownName(architecture, key);
            if (name != null) {
                own.put(name, spec);
            }
        });
        return own;
    }

    /**
     * The conditions as one architecture's trials see them, under their own names: a condition on the architecture
     * holds or not once it is chosen, so it is dropped where it holds and kept (the parameter inactive) where not.
     */
    public Conditions conditionsFor(String architecture, Conditions conditions) {
        if (!mixed()) {
            return conditions;
        }
        Map<String, Map<String, List<Object>>> own = new LinkedHashMap<>();
        conditions.when().forEach((key, condition) -> {
            String name = ownName(architecture, key);
            if (name == null) {
                return;
            }
            Map<String, List<Object>> rest = new LinkedHashMap<>();
            boolean possible = true;
            for (Map.Entry<String, List<Object>> on : condition.entrySet()) {
                if (on.getKey().equals(KEY)) {
                    possible = on.getValue().contains(architecture);
                } else {
                    String onName = ownName(architecture, on.getKey());
                    rest.put(onName == null ? on.getKey() : onName, on.getValue());
                }
            }
            if (!possible) {
                rest.put(KEY, condition.get(KEY));
            }
            if (!rest.isEmpty()) {
                own.put(name, rest);
            }
        });
        return new Conditions(own);
    }

    /**
     * A sweep key's name among one architecture's trial parameters: {@code mlp.units} is {@code units} for mlp, a
     * shared key keeps its name, and null means the key belongs to another architecture (or is the choice itself).
     */
    public String ownName(String architecture, String key) {
        if (key.equals(KEY)) {
            return null;
        }
        String prefix = architecture + ".";
        if (key.startsWith(prefix)) {
            return key.substring(prefix.length());
        }
        return isBranchKey(key) ? null : key;
    }

    private boolean isBranchKey(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && architectures.contains(key.substring(0, dot));
    }
}
