package dev.sweep.architectures;

import com.google.inject.Guice;
import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.plugin.ArchitecturePlugins;
import dev.sweep.testkit.ArchitectureContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweep's own architectures pass the contract that plugins extend, each with the seeds' parameter count at its
 * defaults (see each class for the layout). The registry is read, so a built-in cannot be registered untested.
 */
class ArchitectureContractTest {
    @Test
    void everyRegisteredArchitectureHasItsContractHere() {
        ArchitectureRegistry registry = Guice.createInjector(new ArchitecturePlugins()).getInstance(ArchitectureRegistry.class);
        assertThat(registry.names()).containsExactlyInAnyOrder("mlp", "cnn", "convnet", "lenet5", "vgg", "resnet");
    }

    @Nested
    class MlpContract extends ArchitectureContract {
        MlpContract() {
            super(new Mlp(), 109_386L);
        }
    }

    @Nested
    class CnnContract extends ArchitectureContract {
        CnnContract() {
            super(new Cnn(), 429_258L);
        }
    }

    @Nested
    class ConvNetContract extends ArchitectureContract {
        ConvNetContract() {
            super(new ConvNet(), 93_322L);
        }
    }

    @Nested
    class LeNet5Contract extends ArchitectureContract {
        LeNet5Contract() {
            super(new LeNet5(), 61_706L);
        }
    }

    @Nested
    class VggContract extends ArchitectureContract {
        VggContract() {
            super(new Vgg(), 870_634L);
        }
    }

    @Nested
    class ResNetContract extends ArchitectureContract {
        ResNetContract() {
            super(new ResNet(), 698_282L);
        }
    }
}
