package dev.sweep.run;

import dev.sweep.store.TrialRecord;

import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Names this process as trials record it, and tells whether the process of a stored RUNNING trial is gone. */
public final class Workers {
    /** How often a running sweep says that its trials are alive. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    /** A trial of another machine whose heartbeat is older than this is taken as abandoned. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);

    private static final String SELF = ProcessHandle.current().pid() + "@" + hostName();

    private Workers() {
    }

    /** This process as {@code pid@host}. */
    public static String self() {
        return SELF;
    }

    /**
     * On this host the process table decides at once; elsewhere the heartbeat's age does. This process itself is
     * only opening the sweep, so a trial it is recorded as running is left over from an earlier run in it.
     */
    static boolean isGone(TrialRecord trial, OffsetDateTime now) {
        Optional<Long> localPid = localPid(trial.worker());
        if (localPid.isPresent()) {
            long pid = localPid.get();
            return pid == ProcessHandle.current().pid()
                    || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        return trial.heartbeatAt() == null || trial.heartbeatAt().plus(HEARTBEAT_TIMEOUT).isBefore(now);
    }

    private static Optional<Long> localPid(String worker) {
        if (worker == null || !worker.endsWith("@" + hostName())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(worker.substring(0, worker.indexOf('@'))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
