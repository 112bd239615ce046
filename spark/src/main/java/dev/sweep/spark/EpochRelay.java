package dev.sweep.spark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sweep.train.EpochMetrics;
import dev.sweep.train.TrialReporter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The driver's end of a live channel from running tasks: executors post each epoch as it ends, so the driver stores
 * it at once and asks the pruner, as it does for trials in this process. Spark itself returns results only when a
 * task ends.
 *
 * <p>A retried task trains again from the same seed and sends the same epochs; each trial keeps the highest epoch it
 * has stored, and an epoch at or below it is not stored twice.
 */
final class EpochRelay implements AutoCloseable {
    private final HttpServer server;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    /** A running trial's reporter on the driver, and the last epoch stored for it. */
    private static final class Listener {
        final TrialReporter reporter;
        int lastEpoch;

        Listener(TrialReporter reporter) {
            this.reporter = reporter;
        }
    }

    private EpochRelay(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code host} (the driver's address, which executors reach already), on a free port. */
    static EpochRelay start(String host) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sweep-epoch-relay");
            thread.setDaemon(true);
            return thread;
        }));
        EpochRelay relay = new EpochRelay(server);
        server.createContext("/", relay::handle);
        server.start();
        return relay;
    }

    /** Where an executor posts the epochs of the trial registered as {@code key}. */
    String url(String host, String key) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/" + token + "/" + key;
    }

    void register(String key, TrialReporter reporter) {
        listeners.put(key, new Listener(reporter));
    }

    /** The last epoch stored for the trial, and forgets it. */
    int unregister(String key) {
        Listener listener = listeners.remove(key);
        return listener == null ? 0 : listener.lastEpoch;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        Listener listener = path.length == 4 && path[1].equals(token) ? listeners.get(path[2]) : null;
        if (listener == null || !exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 404, "unknown trial");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String answer;
        synchronized (listener) {
            if (path[3].equals("epoch")) {
                EpochMetrics m = RelayClient.decode(form);
                if (m.epoch() > listener.lastEpoch) {
                    listener.reporter.epochCompleted(m);
                    listener.lastEpoch = m.epoch();
                }
                answer = "stored";
            } else if (path[3].equals("prune")) {
                answer = listener.reporter.shouldPrune(Integer.parseInt(form.get("epoch")), Double.parseDouble(form.get("objective")))
                        ? "prune" : "continue";
            } else {
                reply(exchange, 404, "unknown request");
                return;
            }
        }
        reply(exchange, 200, answer);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
