package dev.sweep.run;

import dev.sweep.config.ExecutorSpec;
import dev.sweep.space.ParameterDeclaration;

import java.util.List;

/** {@code executor: {type: local}}, the default: trials run in this process, {@code parallel} of them side by side. */
public final class LocalExecutorType implements ExecutorType {
    @Override
    public String name() {
        return ExecutorSpec.LOCAL;
    }

    @Override
    public String description() {
        return "this process: parallel trials side by side, one core each, sharing one copy of the data";
    }

    @Override
    public List<ParameterDeclaration> settings() {
        return List.of();
    }

    @Override
    public Session start(ExecutorSpec spec, Context context) {
        return null;
    }
}
