package dev.sweep.space;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateSequenceTest {
    private static Map<String, ParameterSpec> space() {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put("epochs", new ParameterSpec.Fixed(1));
        specs.put("batch_size", new ParameterSpec.Choice(List.of(32, 64, 128)));
        specs.put("learning_rate", new ParameterSpec.FloatRange(1e-4, 1e-2, true));
        specs.put("units", new ParameterSpec.IntRange(32, 512, 32));
        specs.put("dropout", new ParameterSpec.FloatRange(0.1, 0.5, false));
        return specs;
    }

    @Test
    void theSameSeedGivesTheSameCandidatesAndAnotherSeedOthers() {
        List<Map<String, Object>> first = new CandidateSequence(space(), SearchStrategy.random(5), 42).first(5);
        List<Map<String, Object>> again = new CandidateSequence(space(), SearchStrategy.random(5), 42).first(5);
        List<Map<String, Object>> other = new CandidateSequence(space(), SearchStrategy.random(5), 43).first(5);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(new HashSet<>(first)).hasSize(5);
    }

    @Test
    void randomValuesRespectRangesStepsAndFixedValues() {
        for (Map<String, Object> c : new CandidateSequence(space(), SearchStrategy.random(200), 1).first(200)) {
            assertThat(c.get("epochs")).isEqualTo(1);
            assertThat(c.get("batch_size")).isIn(32, 64, 128);
            assertThat((double) c.get("learning_rate")).isBetween(1e-4, 1e-2);
            assertThat((int) c.get("units")).isBetween(32, 512).satisfies(u -> assertThat(u % 32).isZero());
            assertThat((double) c.get("dropout")).isBetween(0.1, 0.5);
        }
    }

    @Test
    void logScaleSamplesEveryDecadeAlike() {
        Map<String, ParameterSpec> specs = Map.of("learning_rate", new ParameterSpec.FloatRange(1e-4, 1e-2, true));
        long belowGeometricMiddle = new CandidateSequence(specs, SearchStrategy.random(1000), 3).first(1000).stream()
                .filter(c -> (double) c.get("learning_rate") < 1e-3).count();
        // Linear sampling would put about 9% below 1e-3; log-uniform about half.
        assertThat(belowGeometricMiddle).isBetween(400L, 600L);
    }

    @Test
    void gridWalksEveryCombinationOnceWithPointsPerRange() {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put("optimizer", new ParameterSpec.Choice(List.of("adam", "sgd")));
        specs.put("epochs", new ParameterSpec.Fixed(2));
        specs.put("dropout", new ParameterSpec.FloatRange(0.1, 0.5, false));
        CandidateSequence grid = new CandidateSequence(specs, SearchStrategy.grid(3), 0);
        assertThat(grid.plannedCount()).isEqualTo(6);
        List<Map<String, Object>> points = grid.first(100);
        assertThat(points).hasSize(6);
        assertThat(new HashSet<>(points)).hasSize(6);
        assertThat(points).extracting(p -> p.get("dropout")).containsOnly(0.1, 0.3, 0.5);
        assertThat(points).extracting(p -> p.get("epochs")).containsOnly(2);
    }

    @Test
    void aSingleValuedChoiceDoesNotShiftTheOtherParametersOfAGrid() {
        // Arbiter's grid drops 1-valued leaves from its value vector; such a leaf must not take an index.
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        specs.put("optimizer", new ParameterSpec.Choice(List.of("adam")));
        specs.put("units", new ParameterSpec.IntRange(10, 30, 10));
        specs.put("batch_size", new ParameterSpec.Choice(List.of(8, 16)));
        List<Map<String, Object>> points = new CandidateSequence(specs, SearchStrategy.grid(3), 0).first(100);
        assertThat(points).hasSize(6);
        assertThat(points).extracting(p -> p.get("units")).containsOnly(10, 20, 30);
        assertThat(points).extracting(p -> p.get("batch_size")).containsOnly(8, 16);
        assertThat(points).extracting(p -> p.get("optimizer")).containsOnly("adam");
    }
}
