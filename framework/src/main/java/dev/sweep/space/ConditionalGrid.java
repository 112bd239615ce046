package dev.sweep.space;

import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of a conditional space, walked branch by branch instead of through the whole product.
 *
 * <p>Each parameter's grid values are Arbiter's own (a one-parameter grid). The points come in the order of the
 * first appearance of each distinct active point in Arbiter's sequential product, so a sweep resumed after an upgrade
 * asks for the same candidate by the same number: Arbiter varies the first parameter fastest, and a point first
 * appears where its inactive parameters are at their first value, so the order is that of the digit vectors read
 * from the last parameter to the first.
 */
final class ConditionalGrid {
    private final List<String> names;
    private final List<List<Object>> values = new ArrayList<>();
    private final Conditions conditions;

    ConditionalGrid(Map<String, ParameterSpec> specs, Conditions conditions, int points) {
        this.names = new ArrayList<>(specs.keySet());
        this.conditions = conditions;
        for (String name : names) {
            values.add(gridValues(name, specs.get(name), points));
        }
    }

    private static List<Object> gridValues(String name, ParameterSpec spec, int points) {
        Map<String, ParameterSpec> one = Map.of(name, spec);
        GridSearchCandidateGenerator generator = new GridSearchCandidateGenerator(new SearchSpace(one), points,
                GridSearchCandidateGenerator.Mode.Sequential, null);
        List<Object> out = new ArrayList<>();
        while (generator.hasMoreCandidates()) {
            Candidate<?> candidate = generator.getCandidate();
            if (candidate.getException() != null) {
                throw new IllegalStateException("Arbiter could not discretize '" + name + "'", candidate.getException());
            }
            out.add(((Map<?, ?>) candidate.getValue()).get(name));
        }
        return out;
    }

    /** Every distinct active point, in order, or null once there would be more than {@code limit}. */
    List<Map<String, Object>> points(int limit) {
        List<int[]> found = new ArrayList<>();
        if (!walk(parentsFirst(), 0, new int[names.size()], new HashMap<>(), found, limit)) {
            return null;
        }
        found.sort((a, b) -> {
            for (int i = a.length - 1; i >= 0; i--) {
                if (a[i] != b[i]) {
                    return Integer.compare(a[i], b[i]);
                }
            }
            return 0;
        });
        List<Map<String, Object>> out = new ArrayList<>(found.size());
        for (int[] digits : found) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                all.put(names.get(i), values.get(i).get(digits[i]));
            }
            out.add(conditions.activeOnly(all));
        }
        return out;
    }

    /** The parameters with those a condition names before it: then each one's activity is known when it is reached. */
    private List<Integer> parentsFirst() {
        List<Integer> order = new ArrayList<>();
        boolean[] placed = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            place(i, placed, order);
        }
        return order;
    }

    private void place(int i, boolean[] placed, List<Integer> order) {
        if (placed[i]) {
            return;
        }
        placed[i] = true; // the loader refuses cycles, so marking before the parents cannot hide one
        for (String parent : conditions.when().getOrDefault(names.get(i), Map.of()).keySet()) {
            int p = names.indexOf(parent);
            if (p >= 0) {
                place(p, placed, order);
            }
        }
        order.add(i);
    }

    /**
     * Branches over the values of active parameters only: an inactive one keeps digit 0, where Arbiter's product
     * shows its point first, so the walk costs the number of points, not the size of the product.
     */
    private boolean walk(List<Integer> order, int at, int[] digits, Map<String, Object> active, List<int[]> found, int limit) {
        if (at == order.size()) {
            found.add(digits.clone());
            return found.size() <= limit;
        }
        int i = order.get(at);
        String name = names.get(i);
        boolean isActive = conditions.isActive(name, active);
        int count = isActive ? values.get(i).size() : 1;
        for (int d = 0; d < count; d++) {
            digits[i] = d;
            if (isActive) {
                active.put(name, values.get(i).get(d));
            }
            if (!walk(order, at + 1, digits, active, found, limit)) {
                return false;
            }
        }
        active.remove(name);
        digits[i] = 0;
        return true;
    }
}
