package dev.sweep.architectures;

import dev.sweep.arch.Architecture;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.arch.HyperParameters;
import dev.sweep.arch.ImageShape;
import dev.sweep.arch.Network;
import dev.sweep.space.ParameterDeclaration;
import dev.sweep.train.NetworkFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** At their defaults the plugins rebuild the seeds' networks exactly, counted by parameters. */
class DefaultNetworksTest {
    private static final ImageShape MNIST = new ImageShape(28, 28, 1, 10);
    private final ArchitectureRegistry registry = com.google.inject.Guice.createInjector(new ArchitecturesModule())
            .getInstance(ArchitectureRegistry.class);

    private Network build(String name, Map<String, Object> overrides) {
        Architecture architecture = registry.get(name);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDeclaration d : registry.declaredParameters(architecture).values()) {
            if (d.defaultValue() != null) {
                values.put(d.name(), d.defaultValue());
            }
        }
        values.putAll(overrides);
        return NetworkFactory.build(architecture, new HyperParameters(values), MNIST, 1);
    }

    @Test
    void mlpDefaultsAreSeed001sBaselineOf109386Parameters() {
        Network mlp = build("mlp", Map.of());
        assertThat(mlp.parameterCount()).isEqualTo(109_386);
        assertThat(mlp.output(Nd4j.rand(3, 784)).shape()).containsExactly(3, 10);
    }

    @Test
    void mlpWithHiddenUnits80And20IsSeed002sParameterMatchedMlp() {
        assertThat(build("mlp", Map.of("units_1", 80, "units_2", 20)).parameterCount()).isEqualTo(64_630);
    }

    @Test
    void cnnDefaultsAreSeed001sCnnOf429258Parameters() {
        Network cnn = build("cnn", Map.of());
        assertThat(cnn.parameterCount()).isEqualTo(429_258);
        assertThat(cnn.output(Nd4j.rand(2, 784)).shape()).containsExactly(2, 10);
    }

    @Test
    void theUnitsShorthandSetsEveryHiddenLayerAndUnitsNOverridesOne() {
        // 784*32+32 + 32*8+8 + 8*10+10 = 25,120 + 264 + 90
        assertThat(build("mlp", Map.of("units", 32, "units_2", 8)).parameterCount()).isEqualTo(25_474);
    }
}
