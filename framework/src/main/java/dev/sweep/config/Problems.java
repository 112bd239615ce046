package dev.sweep.config;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the problems of one file, each located at a YAML node, to report them all at once. */
final class Problems {
    private final String file;
    private final List<ConfigProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(Node at, String message, String fix) {
        Optional<Mark> mark = at == null ? Optional.empty() : at.getStartMark();
        add(mark, message, fix);
    }

    void add(Optional<Mark> mark, String message, String fix) {
        list.add(new ConfigProblem(file, mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0),
                message, fix));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ConfigurationException(list);
        }
    }
}
