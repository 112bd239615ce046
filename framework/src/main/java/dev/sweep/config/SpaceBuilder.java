package dev.sweep.config;

import dev.sweep.space.ArchitectureBranches;
import dev.sweep.space.Conditions;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.space.ParameterSpec;
import dev.sweep.train.TrainerParameters;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the parameter space of {@code parameters:} entry by entry: shared parameters under their own names, and
 * each architecture's branch. With several architectures the space holds the architecture as a choice, and each
 * branch parameter under {@code arch.name}, active only when its architecture is chosen (and its own condition holds).
 * One architecture's branch simply adds its parameters.
 */
final class SpaceBuilder {
    private final Map<String, Map<String, ParameterDeclaration>> declaredBy;
    private final boolean mixed;
    private final Problems problems;
    private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    /** Every key's declaration, by its key in the space, for reading condition values as their parameter's type. */
    private final Map<String, ParameterDeclaration> declarations = new LinkedHashMap<>();
    private final Map<String, Node> whenNodes = new LinkedHashMap<>();
    private final Map<String, Node> keyNodes = new LinkedHashMap<>();
    /** The architecture whose branch holds a key; shared keys have none. */
    private final Map<String, String> branchOf = new LinkedHashMap<>();

    SpaceBuilder(Map<String, Map<String, ParameterDeclaration>> declaredBy, Problems problems) {
        this.declaredBy = declaredBy;
        this.mixed = declaredBy.size() > 1;
        this.problems = problems;
        if (mixed) {
            specs.put(ArchitectureBranches.KEY, new ParameterSpec.Choice(new ArrayList<>(declaredBy.keySet())));
        }
    }

    /** A parameter of every architecture; checked against each one's declaration once the conditions are known. */
    void shared(String name, Node keyNode, Node value) {
        ParameterDeclaration declaration = declaredBy.values().stream().filter(Objects::nonNull).map(d -> d.get(name))
                .filter(Objects::nonNull).findFirst().orElse(null);
        boolean anyKnown = declaredBy.values().stream().anyMatch(Objects::nonNull);
        if (declaration == null && anyKnown) {
            Set<String> all = new LinkedHashSet<>();
            declaredBy.values().stream().filter(Objects::nonNull).forEach(d -> all.addAll(d.keySet()));
            String who = mixed ? "any of the architectures " + String.join(", ", declaredBy.keySet())
                    : "architecture '" + declaredBy.keySet().iterator().next() + "'";
            problems.add(keyNode, "parameter '" + name + "' is not declared by " + who + " nor by the trainer."
                    + DidYouMean.hint(name, all), "use one of: " + String.join(", ", all));
            return;
        }
        add(name, name, keyNode, value, declaration, null);
    }

    /** An architecture's own parameters, under its name. */
    void branch(String architecture, Node keyNode, Node value) {
        if (!declaredBy.containsKey(architecture)) {
            problems.add(keyNode, "the branch '" + architecture + "' matches no value of architecture, which is "
                    + String.join(", ", declaredBy.keySet()), "add " + architecture + " to architecture's values, or remove this branch");
            return;
        }
        if (!(value instanceof MappingNode mapping)) {
            problems.add(value, "the branch '" + architecture + "' must be a mapping of its parameters, not "
                    + YamlScalars.describe(value), "e.g. " + architecture + ": {dropout: {float: [0.0, 0.5]}}");
            return;
        }
        Map<String, ParameterDeclaration> declared = declaredBy.get(architecture);
        YamlMapping branch = new YamlMapping(mapping, "the branch '" + architecture + "'", problems);
        for (String name : branch.keys()) {
            Node parameter = branch.take(name).get();
            ParameterDeclaration declaration = declared == null ? null : declared.get(name);
            if (declared != null && declaration == null) {
                problems.add(branch.keyNode(name), "parameter '" + name + "' is not declared by architecture '" + architecture
                                + "'." + DidYouMean.hint(name, declared.keySet()),
                        architecture + " declares: " + String.join(", ", declared.keySet().stream()
                                .filter(n -> !TrainerParameters.byName().containsKey(n)).toList())
                                + "; every architecture takes the trainer's: " + String.join(", ", TrainerParameters.byName().keySet()));
                continue;
            }
            String key = mixed ? ArchitectureBranches.branchKey(architecture, name) : name;
            add(key, name, branch.keyNode(name), parameter, declaration, architecture);
        }
    }

    private void add(String key, String name, Node keyNode, Node value, ParameterDeclaration declaration, String branch) {
        if (keyNodes.containsKey(key) || mixed && branch != null && keyNodes.containsKey(name)) {
            reportTwice(name, keyNode, branch);
            return;
        }
        if (mixed && branch == null) {
            for (String architecture : declaredBy.keySet()) {
                if (keyNodes.containsKey(ArchitectureBranches.branchKey(architecture, name))) {
                    reportTwice(name, keyNode, architecture);
                    return;
                }
            }
        }
        keyNodes.put(key, keyNode);
        Map<String, Node> when = new LinkedHashMap<>();
        ParameterSpec spec = ParametersSection.parameter(name, value, declaration, when, problems);
        if (when.containsKey(name)) {
            whenNodes.put(key, when.get(name));
        }
        if (spec != null) {
            specs.put(key, spec);
            declarations.put(key, declaration);
            if (branch != null) {
                branchOf.put(key, branch);
            }
        }
    }

    private void reportTwice(String name, Node keyNode, String branch) {
        problems.add(keyNode, "'" + name + "' is set both for every architecture and in the branch '" + branch + "'",
                "keep one of them: in the branch it holds for " + branch + " only");
    }

    ParametersSection.Space build() {
        Conditions read = ConditionsReader.read(whenNodes, specs, declarations, mixed ? branchOf : Map.of(), problems);
        Map<String, Map<String, List<Object>>> when = new LinkedHashMap<>(read.when());
        if (mixed) {
            branchOf.forEach((key, architecture) -> {
                Map<String, List<Object>> condition = new LinkedHashMap<>();
                condition.put(ArchitectureBranches.KEY, List.of(architecture));
                condition.putAll(when.getOrDefault(key, Map.of()));
                when.put(key, condition);
            });
        }
        Conditions conditions = new Conditions(when);
        checkSharedAgainstEveryArchitecture(conditions);
        return new ParametersSection.Space(specs, conditions);
    }

    /**
     * A shared parameter must mean something to every architecture it can be active for: declared by each, and its
     * values allowed by each declaration.
     */
    private void checkSharedAgainstEveryArchitecture(Conditions conditions) {
        specs.forEach((key, spec) -> {
            if (branchOf.containsKey(key) || key.equals(ArchitectureBranches.KEY) && mixed) {
                return;
            }
            List<Object> only = conditions.when().getOrDefault(key, Map.of()).get(ArchitectureBranches.KEY);
            List<String> lacking = new ArrayList<>();
            declaredBy.forEach((architecture, declared) -> {
                if (declared == null || only != null && !only.contains(architecture)) {
                    return;
                }
                ParameterDeclaration declaration = declared.get(key);
                if (declaration == null) {
                    lacking.add(architecture);
                } else if (declaration != declarations.get(key)) {
                    for (Object value : ParametersSection.valuesToCheck(spec)) {
                        String problem = declaration.problemWith(value);
                        if (problem != null) {
                            problems.add(keyNodes.get(key), "'" + key + "' " + problem + " for architecture '" + architecture + "'",
                                    "for " + architecture + ", " + key + " is " + declaration.allowedText()
                                            + "; set it in each branch to give each architecture its own values");
                            break;
                        }
                    }
                }
            });
            if (!lacking.isEmpty()) {
                // An unknown architecture is reported by itself; it is no example of one that declares the parameter.
                List<String> declaring = declaredBy.keySet().stream()
                        .filter(a -> declaredBy.get(a) != null && !lacking.contains(a)).toList();
                problems.add(keyNodes.get(key), "'" + key + "' is shared by every architecture, but " + String.join(", ", lacking)
                                + (lacking.size() == 1 ? " does" : " do") + " not declare it",
                        "move it into the branches of those that do (" + String.join(", ", declaring) + "), e.g. "
                                + declaring.get(0) + ": {" + key + ": ...}, or add when: {architecture: ["
                                + String.join(", ", declaring) + "]}");
            }
        });
    }
}
