package dev.sweep.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.query.TrialFilter;
import dev.sweep.store.ExperimentStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;

import java.util.Optional;
import java.util.function.Function;

/**
 * The dashboard's web server: the page and its scripts from the jar (ECharts from its WebJar, so it works offline),
 * and a read-only JSON API over the store. Only GET is routed, so any other method is refused. As Jupyter's server:
 * every request, static files included, needs the access token (other accounts on the machine reach loopback too),
 * which the printed address carries once and an HttpOnly, SameSite=Strict cookie after; and the Host and Origin
 * headers must name an address served, so a page that rebinds its own name to this machine is refused.
 */
public final class DashboardServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN_COOKIE = "sweep_token";

    private final Javalin app;
    private final String token;
    private final String host;

    private DashboardServer(Javalin app, String token, String host) {
        this.app = app;
        this.token = token;
        this.host = host;
    }

    /**
     * @param store  read by every request, one at a time: a reader's store, which opens the file again when a
     *               sweep has written to it
     * @param token  required of every request ({@link #newToken()})
     */
    public static DashboardServer start(ExperimentStore store, String host, int port, String token) {
        return start(store, host, port, token, (s, name) -> Optional.empty(), (s, id, which) -> Optional.empty());
    }

    /** A trial's pictures that need its model run on the test images, which the command line can do. */
    public interface TrialImages {
        /**
         * @param which {@code mistakes} (the misclassified test images) or {@code filters} (the first convolution's)
         * @return a PNG; empty when the trial has no model, or the network no such picture
         */
        Optional<byte[]> of(ExperimentStore store, long trial, String which);
    }

    /**
     * What the dashboard cannot compute from the store alone: a sweep's parameter importance needs its file parsed
     * against the architectures, which the command line has.
     */
    public interface Importance {
        /** Each searched parameter's importance, largest first; empty for an unknown sweep or too few trials. */
        Optional<java.util.Map<String, Double>> of(ExperimentStore store, String sweep);
    }

    /** @param importance how to compute a sweep's parameter importance */
    public static DashboardServer start(ExperimentStore store, String host, int port, String token, Importance importance,
                                        TrialImages images) {
        java.util.Objects.requireNonNull(token, "the dashboard always needs a token");
        AllowedHosts allowed = AllowedHosts.serving(host);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/dev/sweep/dashboard/static", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.before(ctx -> {
                ctx.header("Cache-Control", "no-store");
                String method = ctx.method().name();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    ctx.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "GET, HEAD").result("the dashboard is read-only");
                    ctx.skipRemainingHandlers();
                    return;
                }
                ctx.header("X-Content-Type-Options", "nosniff");
                String origin = ctx.header("Origin");
                if (!allowed.permitsHost(ctx.header("Host")) || origin != null && !allowed.permitsOrigin(origin)) {
                    ctx.status(HttpStatus.FORBIDDEN).result("the dashboard answers only at the addresses it serves, not "
                            + ctx.header("Host") + (origin == null ? "" : " from " + origin));
                    ctx.skipRemainingHandlers();
                } else if (!sameToken(token, presented(ctx))) {
                    ctx.status(HttpStatus.FORBIDDEN).result("this dashboard needs its access token: open the address it printed");
                    ctx.skipRemainingHandlers();
                } else if (ctx.queryParam("token") != null) {
                    ctx.cookie(new Cookie(TOKEN_COOKIE, token, "/", -1, false, true, null, SameSite.STRICT));
                }
            });
            config.routes.get("/api/sweeps", ctx -> json(ctx, read(store, DashboardData::sweeps)));
            config.routes.get("/api/sweeps/{name}", ctx -> {
                try {
                    found(ctx, read(store, d -> d.sweep(ctx.pathParam("name"), ctx.queryParam("where"))));
                } catch (TrialFilter.FilterException e) {
                    ctx.status(HttpStatus.BAD_REQUEST);
                    json(ctx, java.util.Map.of("error", "where: " + e.getMessage()));
                }
            });
            config.routes.get("/api/sweeps/{name}/importance", ctx -> {
                Optional<java.util.Map<String, Double>> found;
                synchronized (store) {
                    found = importance.of(store, ctx.pathParam("name"));
                }
                json(ctx, found.orElse(java.util.Map.of()));
            });
            config.routes.get("/api/sweeps/{name}/curves", ctx -> found(ctx, read(store, d -> d.curves(ctx.pathParam("name")))));
            config.routes.get("/api/trials/{id}/pictures", ctx -> {
                Long id = trialId(ctx);
                if (id == null) {
                    return;
                }
                java.util.Map<String, Boolean> available = new java.util.LinkedHashMap<>();
                synchronized (store) {
                    for (String which : java.util.List.of("mistakes", "filters")) {
                        available.put(which, images.of(store, id, which).isPresent());
                    }
                }
                json(ctx, available);
            });
            config.routes.get("/api/trials/{id}/{which}.png", ctx -> {
                String which = ctx.pathParam("which");
                Long id = trialId(ctx);
                if (id == null) {
                    return;
                }
                if (!which.equals("mistakes") && !which.equals("filters")) {
                    ctx.status(HttpStatus.NOT_FOUND).result("no such picture");
                    return;
                }
                Optional<byte[]> png;
                synchronized (store) {
                    png = images.of(store, id, which);
                }
                if (png.isEmpty()) {
                    ctx.status(HttpStatus.NOT_FOUND).result("trial " + id + " has no " + which + " picture");
                } else {
                    ctx.contentType("image/png").result(png.get());
                }
            });
            config.routes.get("/api/trials/{id}/model.zip", ctx -> download(ctx, store, false));
            config.routes.get("/api/trials/{id}/provenance.json", ctx -> download(ctx, store, true));
            config.routes.get("/api/trials/{id}", ctx -> {
                Long id = trialId(ctx);
                if (id == null) {
                    return;
                }
                found(ctx, read(store, d -> d.trial(id)));
            });
        });
        app.start(host, port);
        return new DashboardServer(app, token, host);
    }

    /** In constant time, so that the answer's timing tells nothing of how much of a guess was right. */
    private static boolean sameToken(String token, String presented) {
        return presented != null && java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void download(Context ctx, ExperimentStore store, boolean provenance) {
        Long id = trialId(ctx);
        if (id == null) {
            return;
        }
        Optional<DashboardData.Download> found = read(store, d -> d.download(id));
        if (found.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("trial " + id + " has no stored model");
            return;
        }
        DashboardData.Download d = found.get();
        String name = provenance ? d.file().replace(".zip", ".json") : d.file();
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(provenance ? "application/json" : "application/zip").result(provenance ? d.provenance() : d.model());
    }

    /** The path's trial id; null, with a 400 answered, when it is not a number. */
    private static Long trialId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST).result("a trial id is a number");
            return null;
        }
    }

    private static String presented(Context ctx) {
        String query = ctx.queryParam("token");
        return query != null ? query : ctx.cookie(TOKEN_COOKIE);
    }

    private static <T> T read(ExperimentStore store, Function<DashboardData, T> query) {
        synchronized (store) {
            return query.apply(new DashboardData(store));
        }
    }

    private static void found(Context ctx, Optional<?> value) throws JsonProcessingException {
        if (value.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("not found");
        } else {
            json(ctx, value.get());
        }
    }

    private static void json(Context ctx, Object value) throws JsonProcessingException {
        ctx.contentType("application/json").result(JSON.writeValueAsString(value));
    }

    public int port() {
        return app.port();
    }

    /**
     * The address to open, with its token: for a server on every interface (0.0.0.0), this machine's name on the
     * network, which another browser can open.
     */
    public String address() {
        String shown = AllowedHosts.reachable(host);
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/?token=" + token;
    }

    /** A token as hard to guess as Jupyter's: 24 random bytes. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        app.stop();
    }
}
