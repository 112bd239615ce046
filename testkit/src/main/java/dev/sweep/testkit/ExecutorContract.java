package dev.sweep.testkit;

import dev.sweep.arch.ArchitectureRegistry;
import dev.sweep.config.ExecutorSpec;
import dev.sweep.data.DatasetRepository;
import dev.sweep.run.LocalTrialExecutor;
import dev.sweep.run.ExecutorType;
import dev.sweep.space.ParameterDeclaration;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every executor type must do, Sweep's own and a plugin's; a plugin's test extends it in one line, giving the
 * type and the settings of a section that works on the test machine:
 * {@code class MyExecutorContractTest extends ExecutorContract { MyExecutorContractTest() { super(new MyExecutor(), spec); } }}.
 * Running trials through a session is the executor's own test: that needs data and architectures.
 */
public abstract class ExecutorContract {
    private final ExecutorType type;
    private final ExecutorSpec working;

    /** @param working a section of this type that the test machine can start */
    protected ExecutorContract(ExecutorType type, ExecutorSpec working) {
        this.type = type;
        this.working = working;
    }

    @Test
    void itsNameDescriptionAndSettingsAreWellFormed() {
        TypeChecks.wellFormed(type.name(), type.description(), type.settings(), true);
        assertThat(type.settings()).extracting(ParameterDeclaration::name).as("conf is the section's own key").doesNotContain("conf");
        assertThat(working.type()).isEqualTo(type.name());
    }

    @Test
    void aWorkingSectionHasNoProblemsAndOneWithoutItsSettingsSaysWhatIsMissing() {
        assertThat(type.problemsWith(working.settings(), working.conf())).isEmpty();
        for (ExecutorType.Problem problem : type.problemsWith(TypeChecks.defaults(type.settings()), java.util.Map.of())) {
            assertThat(problem.message()).isNotBlank();
            assertThat(problem.fix()).as("every problem says its fix").isNotBlank();
        }
    }

    @Test
    void aSessionDescribesItselfHasASlotAndCloses() throws Exception {
        Path data = Files.createTempDirectory("executor-contract");
        // No architecture and no data: the session is started and asked, never given a trial.
        LocalTrialExecutor local = new LocalTrialExecutor(new ArchitectureRegistry(java.util.Map.of()), new DatasetRepository(data, m -> { }));
        ExecutorType.Session session = type.start(working, new ExecutorType.Context("contract", data,
                dev.sweep.config.DatasetSpec.idx(data, null, 1), java.util.Optional::empty, local, List.of()));
        if (session == null) {
            return; // runs in the sweep's own process, which needs no session
        }
        try (session) {
            assertThat(session.describe()).isNotBlank();
            assertThat(session.slots()).isPositive();
        }
    }
}
