package dev.sweep.store.h2;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who writes a database now: {@code BASE.writer} beside it, written once the operating system's lock is held and
 * removed when the writer closes. The lock itself decides who writes; the note only lets a second writer say at once
 * whom it waits for, instead of trying for seconds. One a killed writer left names a process that is gone, and is
 * written over by the next writer.
 */
final class WriterNote {
    private WriterNote() {
    }

    static Path of(DatabaseLocation location) {
        return location.dataFile().resolveSibling(location.dataFile().getFileName().toString().replace(".mv.db", ".writer"));
    }

    static void write(DatabaseLocation location) {
        if (!location.isFile()) {
            return;
        }
        Path note = of(location);
        try {
            Files.writeString(note, ProcessHandle.current().pid() + "@" + host() + " " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                    + "\n", StandardCharsets.UTF_8);
            OwnerOnlyFiles.restrict(note);
        } catch (IOException | RuntimeException e) {
            // only a courtesy to the next writer: the lock is what keeps writers apart
        }
    }

    static void remove(DatabaseLocation location) {
        if (location.isFile()) {
            try {
                Files.deleteIfExists(of(location));
            } catch (IOException e) {
                // a note left behind names a process that is gone, which the next writer sees
            }
        }
    }

    /** The live process on this machine that the note names, as "process PID@HOST since HH:MM:SS"; empty otherwise. */
    static Optional<String> liveWriter(DatabaseLocation location) {
        if (!location.isFile()) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(of(location), StandardCharsets.UTF_8).strip();
            String[] fields = text.split(" ");
            String[] who = fields[0].split("@", 2);
            long pid = Long.parseLong(who[0]);
            boolean here = who.length == 2 && who[1].equals(host());
            if (!here || pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of("process " + fields[0] + (fields.length > 1 ? " since " + fields[1] : ""));
            }
        } catch (IOException | RuntimeException e) {
            // no note, or not one of ours
        }
        return Optional.empty();
    }

    /** Who holds the file, for a message: the live process the note names, or "another process". */
    static String describeWriter(DatabaseLocation location) {
        return liveWriter(location).orElse("another process");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
