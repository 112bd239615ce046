package dev.sweep.space;

import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The branch-by-branch grid gives the candidates Arbiter's full product gives, by the same numbers. */
class ConditionalGridTest {

    /** Arbiter's sequential product with each distinct active point kept at its first place: the reference order. */
    private static List<Map<String, Object>> productOrder(Map<String, ParameterSpec> specs, Conditions conditions, int points) {
        GridSearchCandidateGenerator generator = new GridSearchCandidateGenerator(new SearchSpace(specs), points,
                GridSearchCandidateGenerator.Mode.Sequential, null);
        Set<Map<String, Object>> seen = new LinkedHashSet<>();
        while (generator.hasMoreCandidates()) {
            Candidate<?> candidate = generator.getCandidate();
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) candidate.getValue();
            seen.add(conditions.activeOnly(value));
        }
        return new ArrayList<>(seen);
    }

    private static Map<String, ParameterSpec> space() {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        // momentum is declared before the optimizer it depends on: the walk must still see the optimizer first.
        specs.put("momentum", new ParameterSpec.FloatRange(0.5, 0.99, false));
        specs.put("optimizer", new ParameterSpec.Choice(List.of("adam", "sgd", "nesterovs")));
        specs.put("learning_rate", new ParameterSpec.FloatRange(1e-4, 1e-2, true));
        specs.put("epochs", new ParameterSpec.Fixed(2));
        specs.put("hidden_layers", new ParameterSpec.Choice(List.of(1, 2, 3)));
        specs.put("units_3", new ParameterSpec.IntRange(32, 512, 32));
        specs.put("dropout_3", new ParameterSpec.Choice(List.of(0.0, 0.25)));
        return specs;
    }

    private static Conditions conditions() {
        return new Conditions(Map.of(
                "momentum", Map.of("optimizer", List.of("sgd", "nesterovs")),
                "units_3", Map.of("hidden_layers", List.of(3)),
                "dropout_3", Map.of("units_3", List.of(32, 64), "hidden_layers", List.of(3))));
    }

    @Test
    void aConditionalGridHasArbitersDistinctPointsInTheOrderOfTheirFirstPlaceInTheProduct() {
        List<Map<String, Object>> walked = new ConditionalGrid(space(), conditions(), 3).points(Integer.MAX_VALUE - 1);
        List<Map<String, Object>> reference = productOrder(space(), conditions(), 3);
        assertThat(walked).hasSize(reference.size()).isEqualTo(reference);
        // adam: 3 rates x (2 layer counts + 3 units_3 points of which 32 has 2 dropouts); sgd and nesterovs: 3 momenta more
        int perOptimizer = 3 * (2 + (2 + 1 + 1));
        assertThat(walked).hasSize(perOptimizer + 2 * 3 * perOptimizer);
    }

    @Test
    void anUnconditionalSpaceWalksInArbitersOwnOrder() {
        List<Map<String, Object>> walked = new ConditionalGrid(space(), Conditions.NONE, 2).points(Integer.MAX_VALUE - 1);
        assertThat(walked).isEqualTo(productOrder(space(), Conditions.NONE, 2));
    }

    @Test
    void branchesAreCountedWithoutWalkingTheProductOfEveryBranchesParameters() {
        // Four branches of three 10-valued parameters each: a product of 4 x 10^12 that Arbiter cannot hold, 4,000 points.
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        Map<String, Map<String, List<Object>>> when = new LinkedHashMap<>();
        specs.put("architecture", new ParameterSpec.Choice(List.of("a", "b", "c", "d")));
        for (String branch : List.of("a", "b", "c", "d")) {
            for (int p = 0; p < 3; p++) {
                specs.put(branch + ".p" + p, new ParameterSpec.IntRange(0, 9, 1));
                when.put(branch + ".p" + p, Map.of("architecture", List.of(branch)));
            }
        }
        ConditionalGrid grid = new ConditionalGrid(specs, new Conditions(when), 10);
        assertThat(grid.points(Integer.MAX_VALUE - 1)).hasSize(4 * 1000);
        assertThat(grid.points(3999)).as("more than the limit").isNull();
        assertThat(new CandidateSequence(specs, new Conditions(when), SearchStrategy.grid(10), 1).plannedCount()).isEqualTo(4000);
    }
}
