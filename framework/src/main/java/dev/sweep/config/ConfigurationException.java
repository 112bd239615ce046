package dev.sweep.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a configuration, reported together so that one edit can fix them all. */
public class ConfigurationException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public ConfigurationException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public static ConfigurationException single(String file, String message, String fix) {
        return new ConfigurationException(List.of(new ConfigProblem(file, 0, 0, message, fix)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        String heading = problems.size() == 1 ? "1 configuration problem:" : problems.size() + " configuration problems:";
        return heading + "\n" + problems.stream().map(p -> "  " + p.render()).collect(Collectors.joining("\n"));
    }
}
