package dev.sweep.config;

import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterSpec;
import dev.sweep.space.ParameterType;
import dev.sweep.space.ParameterValues;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code parameters:} section: each parameter fixed, a choice or a range, checked against its declaration; in a
 * sweep of several architectures, shared ones at the top and each architecture's own under its name.
 */
final class ParametersSection {
    static final List<String> KEYS = List.of("values", "float", "int", "scale", "step", "when");
    static final int MAX_STEPS = 100_000;

    private ParametersSection() {
    }

    /**
     * @param declaredBy   each architecture of the sweep, in order, with the trainer's and its own parameters; null
     *                     for an unknown one (already reported: then only each value's form is checked)
     * @param branchNames  every name that opens an architecture's branch: the registered architectures and the
     *                     sweep's own
     */
    static Space read(Node node, Map<String, Map<String, ParameterDeclaration>> declaredBy, Set<String> branchNames,
                      Problems problems) {
        YamlMapping map = YamlValues.mapping(node, "parameters", "e.g. parameters: {epochs: 1, learning_rate: {float: [1.0e-4, 1.0e-2], scale: log}}",
                problems);
        if (map == null || declaredBy.isEmpty()) {
            return Space.EMPTY;
        }
        SpaceBuilder space = new SpaceBuilder(declaredBy, problems);
        for (String name : map.keys()) {
            Node value = map.take(name).get();
            if (name.equals(ArchitectureBranches.KEY)) {
                problems.add(map.keyNode(name), "the architecture is not a parameter: it is chosen by the top-level "
                        + "'architecture' key", "write architecture: {values: [...]} at the top of the file, and each "
                        + "architecture's own parameters under its name here, e.g. mlp: {units: {values: [64, 128]}}");
            } else if (branchNames.contains(name) || declaredBy.containsKey(name)) {
                space.branch(name, map.keyNode(name), value);
            } else {
                space.shared(name, map.keyNode(name), value);
            }
        }
        return space.build();
    }

    /** The section as read: each parameter's spec, and when the conditional ones are active. */
    record Space(Map<String, ParameterSpec> specs, Conditions conditions) {
        static final Space EMPTY = new Space(Map.of(), Conditions.NONE);
    }

    /** One parameter's value; {@code declaration} is null when the architecture is unknown (already reported). */
    static ParameterSpec parameter(String name, Node node, ParameterDeclaration declaration, Map<String, Node> whenNodes,
                                   Problems problems) {
        if (node instanceof ScalarNode scalar) {
            Object value = coerce(YamlScalars.value(scalar), declaration);
            return checked(name, node, value, declaration, problems) ? new ParameterSpec.Fixed(value) : null;
        }
        if (node instanceof SequenceNode) {
            problems.add(node, "parameter '" + name + "' is a bare list", "to search over these values write " + name
                    + ": {values: [...]}");
            return null;
        }
        YamlMapping map = new YamlMapping((MappingNode) node, "parameter '" + name + "'", problems);
        List<String> forms = map.keys().stream().filter(k -> List.of("values", "float", "int").contains(k)).toList();
        if (forms.size() != 1) {
            String rewritten = forms.isEmpty() ? OtherToolsRange.rewrite(map) : null;
            problems.add(node, "parameter '" + name + "' needs exactly one of values, float or int" + (forms.isEmpty() ? "" : ", not "
                    + String.join(" and ", forms)), rewritten != null ? "in a Sweep file that range is written " + name + ": "
                    + rewritten : "e.g. " + name + ": " + example(declaration));
            // The missing form is the one problem: Sweep's own keys beside it are not unknown, nor are the ones just rewritten.
            KEYS.forEach(map::take);
            if (rewritten != null) {
                OtherToolsRange.KEYS.forEach(map::take);
            }
            map.rejectUnknown(KEYS);
            return null;
        }
        map.take("when").ifPresent(n -> whenNodes.put(name, n));
        ParameterSpec spec = switch (forms.get(0)) {
            case "values" -> choice(name, map.take("values").get(), declaration, problems);
            case "float" -> floatRange(name, map, declaration, problems);
            default -> intRange(name, map, declaration, problems);
        };
        if (!forms.get(0).equals("float")) {
            map.take("scale").ifPresent(n -> problems.add(map.keyNode("scale"), "scale is for float ranges", "remove it"));
        }
        if (forms.get(0).equals("values")) {
            map.take("step").ifPresent(n -> problems.add(map.keyNode("step"), "step is for int and float ranges", "remove it"));
        }
        map.rejectUnknown(KEYS);
        return spec;
    }

    static ParameterSpec choice(String name, Node node, ParameterDeclaration declaration, Problems problems) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, "values of '" + name + "' must be a non-empty list", "e.g. values: " + example(declaration));
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                problems.add(item, "each value of '" + name + "' must be a single value, not " + YamlScalars.describe(item), null);
                ok = false;
                continue;
            }
            Object value = coerce(YamlScalars.value(scalar), declaration);
            if (values.contains(value)) {
                problems.add(item, "value " + ParameterValues.describe(value) + " of '" + name + "' is listed twice", "list it once");
                ok = false;
            }
            ok &= checked(name, item, value, declaration, problems);
            values.add(value);
        }
        return ok ? new ParameterSpec.Choice(values) : null;
    }

    /** Whether the declared parameter is of the range's type; reported with an example of what it takes if not. */
    private static boolean rangeFits(String name, Node node, ParameterDeclaration declaration, ParameterType type, String form,
                                     Problems problems) {
        if (declaration != null && declaration.type() != type) {
            problems.add(node, "'" + name + "' is " + declaration.allowedText() + ", not " + form,
                    "e.g. " + name + ": " + example(declaration));
            return false;
        }
        return true;
    }

    static ParameterSpec floatRange(String name, YamlMapping map, ParameterDeclaration declaration, Problems problems) {
        Node node = map.take("float").get();
        if (!rangeFits(name, node, declaration, ParameterType.FLOAT, "a float range", problems)) {
            return null;
        }
        double[] bounds = bounds(name, node, "float", Number.class, problems);
        String scale = map.take("scale").map(n -> YamlValues.text(n, name + ".scale", problems)).orElse("linear");
        boolean log = "log".equals(scale);
        boolean ok = bounds != null;
        if (!log && !"linear".equals(scale)) {
            problems.add(map.take("scale").get(), "scale must be linear or log, not '" + scale + "'", "use scale: log for rates");
            ok = false;
        }
        if (ok && log && bounds[0] <= 0) {
            problems.add(node, "a log scale needs a positive minimum, '" + name + "' starts at " + ParameterValues.format(bounds[0]),
                    "raise the minimum above 0, or use scale: linear");
            ok = false;
        }
        if (ok) {
            ok = checked(name, node, bounds[0], declaration, problems) & checked(name, node, bounds[1], declaration, problems);
        }
        Optional<Node> stepNode = map.take("step");
        if (stepNode.isPresent() && ok) {
            Object step = stepNode.get() instanceof ScalarNode s ? YamlScalars.value(s) : null;
            if (!(step instanceof Number n) || n.doubleValue() <= 0) {
                problems.add(stepNode.get(), "step of '" + name + "' must be a positive number", "e.g. step: 0.1");
                return null;
            }
            if (log) {
                problems.add(stepNode.get(), "step and scale: log do not go together", "remove one of them");
                return null;
            }
            double s = n.doubleValue();
            double steps = Math.floor((bounds[1] - bounds[0]) / s) + 1;
            if (steps > MAX_STEPS) {
                problems.add(stepNode.get(), String.format(java.util.Locale.ROOT, "the stepped range of '%s' has %.3g steps, "
                        + "more than %,d", name, steps, MAX_STEPS), "raise step, or drop it to search the range itself");
                return null;
            }
            return new ParameterSpec.FloatRange(bounds[0], bounds[1], false, s);
        }
        return ok ? new ParameterSpec.FloatRange(bounds[0], bounds[1], log) : null;
    }

    static ParameterSpec intRange(String name, YamlMapping map, ParameterDeclaration declaration, Problems problems) {
        Node node = map.take("int").get();
        if (!rangeFits(name, node, declaration, ParameterType.INT, "an integer range", problems)) {
            return null;
        }
        double[] bounds = bounds(name, node, "int", Integer.class, problems);
        long step = map.take("step").map(n -> YamlValues.integer(n, name + ".step", 1, Integer.MAX_VALUE, problems)).orElse(1L);
        if (bounds == null) {
            return null;
        }
        boolean ok = checked(name, node, (int) bounds[0], declaration, problems) & checked(name, node, (int) bounds[1], declaration, problems);
        return ok ? new ParameterSpec.IntRange((long) bounds[0], (long) bounds[1], step) : null;
    }

    /** [min, max] with min not above max, or null after reporting. */
    static double[] bounds(String name, Node node, String form, Class<?> type, Problems problems) {
        String fix = "write " + form + ": [MIN, MAX]";
        if (!(node instanceof SequenceNode seq) || seq.getValue().size() != 2
                || !(seq.getValue().get(0) instanceof ScalarNode lo) || !(seq.getValue().get(1) instanceof ScalarNode hi)) {
            problems.add(node, "the " + form + " range of '" + name + "' must be a list of two numbers", fix);
            return null;
        }
        Object min = YamlScalars.value(lo);
        Object max = YamlScalars.value(hi);
        boolean integral = type == Integer.class;
        if (!(min instanceof Number) || !(max instanceof Number)
                || integral && (!(min instanceof Integer) || !(max instanceof Integer))) {
            problems.add(node, "the " + form + " range of '" + name + "' must hold two " + (integral ? "integers" : "numbers")
                    + ", got " + ParameterValues.describe(min) + " and " + ParameterValues.describe(max), fix);
            return null;
        }
        double a = ((Number) min).doubleValue();
        double b = ((Number) max).doubleValue();
        if (a > b) {
            problems.add(node, "the " + form + " range of '" + name + "' has min " + ParameterValues.format(min)
                    + " greater than max " + ParameterValues.format(max), "swap them: " + form + ": ["
                    + ParameterValues.format(max) + ", " + ParameterValues.format(min) + "]");
            return null;
        }
        return new double[]{a, b};
    }

    /** The values a declaration must allow for the spec to be valid: each choice, or a range's bounds. */
    static List<Object> valuesToCheck(ParameterSpec spec) {
        if (spec instanceof ParameterSpec.Fixed f) {
            return List.of(f.value());
        }
        if (spec instanceof ParameterSpec.Choice c) {
            return c.values();
        }
        if (spec instanceof ParameterSpec.FloatRange r) {
            return List.of(r.min(), r.max());
        }
        ParameterSpec.IntRange r = (ParameterSpec.IntRange) spec;
        return List.of(Math.toIntExact(r.min()), Math.toIntExact(r.max()));
    }

    static Object coerce(Object value, ParameterDeclaration declaration) {
        if (declaration != null && declaration.type() == ParameterType.FLOAT && (value instanceof Integer || value instanceof Long)) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    static boolean checked(String name, Node at, Object value, ParameterDeclaration declaration, Problems problems) {
        if (declaration == null) {
            return true;
        }
        String problem = declaration.problemWith(value);
        if (problem != null) {
            problems.add(at, "'" + name + "' " + problem, name + " is " + declaration.allowedText() + ": " + declaration.description());
            return false;
        }
        return true;
    }

    static String example(ParameterDeclaration declaration) {
        if (declaration == null) {
            return "{values: [A, B]}";
        }
        return switch (declaration.type()) {
            case INT -> "{int: [" + (long) declaration.min().doubleValue() + ", " + (long) Math.min(declaration.max(), 512) + "]}";
            case FLOAT -> "{float: [" + ParameterValues.format(declaration.min()) + ", " + ParameterValues.format(declaration.max()) + "]}";
            case CHOICE -> "{values: [" + String.join(", ", declaration.choices()) + "]}";
            case BOOLEAN -> "{values: [true, false]}";
            case TEXT -> "a text";
        };
    }
}
