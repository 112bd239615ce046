package dev.sweep.run;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training step's time goes, from Java Flight Recorder's execution samples of the training thread: the
 * frames most often on top of the stack (a native call shows as the Java method that makes it), and the frames most
 * often anywhere on it.
 */
public final class StepProfiler {
    public record Frame(String method, double selfShare, double totalShare) {
    }

    private StepProfiler() {
    }

    /** Runs {@code work} under a recording sampling every 10 ms and returns the top {@code top} frames by self time. */
    public static List<Frame> profile(Runnable work, int top) throws IOException {
        Path file = Files.createTempFile("sweep-profile", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            return topFrames(file, Thread.currentThread().getName(), top);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<Frame> topFrames(Path file, String thread, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty() || event.getThread("sampledThread") == null
                    || !thread.equals(event.getThread("sampledThread").getJavaName())) {
                continue;
            }
            samples++;
            self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            stack.getFrames().stream().map(StepProfiler::name).distinct().forEach(n -> total.merge(n, 1, Integer::sum));
        }
        int all = Math.max(samples, 1);
        List<Frame> frames = new ArrayList<>();
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> frames.add(new Frame(e.getKey(), e.getValue() / (double) all, total.get(e.getKey()) / (double) all)));
        return frames;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
