package dev.sweep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real command line in a JVM of its own, to be killed, interrupted or raced like a user's process. */
final class SweepProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private SweepProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SweepProcess start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dsweep.data.dir=" + System.getProperty("sweep.data.dir"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("ND4J_IGNORE_AVX", "true");
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

    String output() throws IOException {
        return java.nio.file.Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
