package dev.sweep.config;

import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterValues;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code when:} of conditional parameters, read once every parameter of the section is known: each condition
 * names a choice of the file and values it can take, and no chain of conditions leads back to where it started.
 */
final class ConditionsReader {
    private ConditionsReader() {
    }

    /**
     * @param whenNodes each conditional parameter's {@code when:} node
     * @param specs     every parameter the section read
     * @param declared  the declarations by key, to read values as their parameter's type (null when unknown)
     * @param branchOf  the architecture whose branch holds a key, in a sweep of several: a name in its condition means
     *                  the branch's own parameter first, then a shared one
     */
    static Conditions read(Map<String, Node> whenNodes, Map<String, ParameterSpec> specs,
                           Map<String, ParameterDeclaration> declared, Map<String, String> branchOf, Problems problems) {
        Map<String, Map<String, List<Object>>> when = new LinkedHashMap<>();
        whenNodes.forEach((name, node) -> {
            YamlMapping condition = YamlValues.mapping(node, name + ".when", "e.g. when: {optimizer: sgd}", problems);
            if (condition == null) {
                return;
            }
            if (condition.keys().isEmpty()) {
                problems.add(node, "the condition of '" + name + "' names no parameter", "e.g. when: {optimizer: sgd}");
                return;
            }
            Map<String, List<Object>> parsed = new LinkedHashMap<>();
            for (String written : condition.keys()) {
                Node valuesNode = condition.take(written).get();
                String on = keyOf(written, branchOf.get(name), specs);
                List<Object> allowed = choicesOf(name, on, condition.keyNode(written), specs, problems);
                if (allowed != null) {
                    List<Object> wanted = values(name, on, valuesNode, allowed, declared.get(on), problems);
                    if (wanted != null) {
                        parsed.put(on, wanted);
                    }
                }
            }
            when.put(name, parsed);
        });
        reportCycles(when, whenNodes, problems);
        return new Conditions(when);
    }

    private static String keyOf(String written, String branch, Map<String, ParameterSpec> specs) {
        if (branch != null && specs.containsKey(ArchitectureBranches.branchKey(branch, written))) {
            return ArchitectureBranches.branchKey(branch, written);
        }
        return written;
    }

    /** The values the named parameter can take in this file, or null (reported) if it is not a choice of it. */
    private static List<Object> choicesOf(String name, String on, Node at, Map<String, ParameterSpec> specs, Problems problems) {
        if (on.equals(name)) {
            problems.add(at, "the condition of '" + name + "' names '" + name + "' itself", "name another parameter, a choice");
            return null;
        }
        ParameterSpec spec = specs.get(on);
        if (spec == null) {
            List<String> choices = specs.entrySet().stream().filter(e -> e.getValue() instanceof ParameterSpec.Choice
                    || e.getValue() instanceof ParameterSpec.Fixed).map(Map.Entry::getKey).filter(n -> !n.equals(name)).toList();
            problems.add(at, "the condition of '" + name + "' names '" + on + "', which this file does not set."
                    + DidYouMean.hint(on, choices), "a condition names a choice of the file" + (choices.isEmpty() ? ""
                    : ": " + String.join(", ", choices)));
            return null;
        }
        if (spec instanceof ParameterSpec.Choice c) {
            return c.values();
        }
        if (spec instanceof ParameterSpec.Fixed f) {
            return List.of(f.value());
        }
        problems.add(at, "the condition of '" + name + "' names '" + on + "', which is a range, not a choice",
                "make it a choice, e.g. " + on + ": {values: [...]}, or drop it from the condition");
        return null;
    }

    private static List<Object> values(String name, String on, Node node, List<Object> allowed, ParameterDeclaration declaration,
                                       Problems problems) {
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        if (items.isEmpty()) {
            problems.add(node, "the condition of '" + name + "' lists no value of '" + on + "'", "e.g. " + on + ": "
                    + ParameterValues.format(allowed.get(0)));
            return null;
        }
        List<Object> wanted = new ArrayList<>();
        for (Node item : items) {
            if (!(item instanceof ScalarNode scalar)) {
                problems.add(item, "a value of '" + on + "' in the condition of '" + name + "' must be a single value", null);
                return null;
            }
            Object value = ParametersSection.coerce(YamlScalars.value(scalar), declaration);
            if (!allowed.contains(value)) {
                problems.add(item, "'" + on + "' never takes " + ParameterValues.describe(value) + " in this file, so '" + name
                        + "' would never be active", "'" + on + "' takes: " + String.join(", ", allowed.stream()
                        .map(ParameterValues::format).toList()));
                return null;
            }
            wanted.add(value);
        }
        return wanted;
    }

    private static void reportCycles(Map<String, Map<String, List<Object>>> when, Map<String, Node> whenNodes, Problems problems) {
        Set<String> reported = new HashSet<>();
        for (String start : when.keySet()) {
            List<String> path = new ArrayList<>();
            String cycle = cycleFrom(start, when, path, new HashSet<>());
            if (cycle != null && reported.add(cycle)) {
                problems.add(whenNodes.get(start), "the conditions form a cycle: " + cycle,
                        "let one of them depend on none of the others");
            }
        }
    }

    /** A cycle reachable from {@code name}, written a -> b -> a, with its members sorted to report it once. */
    private static String cycleFrom(String name, Map<String, Map<String, List<Object>>> when, List<String> path, Set<String> done) {
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> members = new ArrayList<>(path.subList(at, path.size()));
            List<String> sorted = new ArrayList<>(members);
            sorted.sort(null);
            int first = members.indexOf(sorted.get(0));
            List<String> rotated = new ArrayList<>(members.subList(first, members.size()));
            rotated.addAll(members.subList(0, first));
            rotated.add(rotated.get(0));
            return String.join(" -> ", rotated);
        }
        if (!done.add(name) || !when.containsKey(name)) {
            return null;
        }
        path.add(name);
        for (String on : when.get(name).keySet()) {
            String cycle = cycleFrom(on, when, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }
}
