package dev.sweep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real command line in a JVM of its own, to be killed, interrupted or raced like a user's process. */
final class SweepProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private SweepProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SweepProcess start(Path log, String... args) throws IOException {
        return java(log, Map.of(), Main.class.getName(), args);
    }

    /**
     * Any main class of this test classpath (Sweep's command line, a Spark master or worker) in a JVM of its own,
     * started as ./sweep starts Sweep: the native settings bin/java gave this test JVM, and the opens Spark needs on Java 17.
     */
    static SweepProcess java(Path log, Map<String, String> env, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dsweep.data.dir=" + System.getProperty("sweep.data.dir")));
        command.addAll(List.of(System.getProperty("sweep.spark.java.options", "").split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        command.removeIf(String::isEmpty);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new SweepProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
        process.waitFor();
    }

    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** The exit code, or -1 if the process is still running after {@code timeout} (it is then killed). */
    int waitFor(java.time.Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return java.nio.file.Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
