package dev.sweep.cli;

import dev.sweep.dashboard.DashboardServer;
import dev.sweep.store.ExperimentStore;
import dev.sweep.store.TrialRecord;
import dev.sweep.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard in a real headless Chromium, on a database that a real sweep process writes to at the same time. */
class DashboardTest {
    private static final String TOKEN = DashboardServer.newToken();

    /** Screenshots are kept here, beside the test reports, for a person to look at. */
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("experiments").toString();
    }

    private Path sweepFile(String name, int trials, int epochs) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                dataset: {name: mnist, train_limit: 5000, validation: 500}
                architecture: mlp
                strategy: {type: random, trials: %d}
                pruner: {type: median, warmup_epochs: 1, min_trials: 2}
                seed: 3
                parameters:
                  epochs: %d
                  batch_size: 32
                  learning_rate: {float: [1.0e-4, 3.0e-2], scale: log}
                  units: {values: [16, 64]}
                """.formatted(name, trials, epochs));
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1500,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // Debian's chromedriver, so that Selenium never goes looking for one on the network.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }

    private static int completed(ChromeDriver browser) {
        String count = browser.findElement(By.tagName("body")).getAttribute("data-completed");
        return count == null ? -1 : Integer.parseInt(count);
    }

    @Test
    void theSweepPageOfARunningSweepCountsItsTrialsUpWithoutAReloadAndATrialPageDrawsItsCurves() throws Exception {
        // Long enough (10 trials of up to 5 epochs) that it is still running when the browser has opened the page.
        Path file = sweepFile("live", 10, 5);
        try (SweepProcess sweep = SweepProcess.start(dir.resolve("sweep.log"), "run", file.toString(), "--db", db(), "--quiet")) {
            awaitFirstTrial(sweep);
            try (ExperimentStore store = ExperimentStore.openForReading(db());
                 DashboardServer dashboard = DashboardServer.start(store, "127.0.0.1", 0, TOKEN)) {
                showsTheSweepGrowing(dashboard);
            }
            assertThat(sweep.waitFor(Duration.ofMinutes(5))).as("the sweep, read all along:\n%s", sweep.output()).isZero();
        }
    }

    private void showsTheSweepGrowing(DashboardServer dashboard) throws Exception {
        {
            ChromeDriver browser = chromium();
            try {
                browser.get(dashboard.address());
                browser.get("http://127.0.0.1:" + dashboard.port() + "/#/sweep/live");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
                wait.until(b -> completed(browser) >= 0);
                int first = completed(browser);
                Object page = browser.executeScript("return window.performance.getEntriesByType('navigation').length");
                wait.until(b -> completed(browser) > first);
                assertThat(browser.executeScript("return window.performance.getEntriesByType('navigation').length"))
                        .as("the count grew by polling, on the page first loaded").isEqualTo(page);
                assertThat(browser.findElements(By.cssSelector("#history-chart canvas, #curves-chart canvas, #parallel-chart canvas, "
                        + "#timeline-chart canvas, #importance-chart canvas"))).hasSize(5);
                for (String drawn : List.of("#history-chart canvas", "#curves-chart canvas", "#parallel-chart canvas", "#timeline-chart canvas")) {
                    assertThat(drawnPixels(browser, drawn)).as(drawn).isGreaterThan(500);
                }
                assertThat(browser.findElements(By.cssSelector("#leaderboard tr"))).hasSizeGreaterThan(1);
                screenshot(browser, "sweep-page.png");

                // Through the page's script: the table is drawn anew at every poll, so a found element can go stale.
                browser.executeScript("document.querySelectorAll('input.pick')[0].click()");
                browser.executeScript("document.querySelectorAll('input.pick')[1].click()");
                wait.until(b -> !browser.findElements(By.id("compare-selected")).isEmpty());
                browser.executeScript("document.getElementById('compare-selected').click()");
                wait.until(b -> "compare".equals(browser.findElement(By.tagName("body")).getAttribute("data-page")));
                assertThat(browser.findElements(By.cssSelector("#compare-table th"))).hasSize(3);
                assertThat(browser.findElement(By.id("compare-table")).getText()).contains("learning_rate").contains("* ");
                assertThat(drawnPixels(browser, "#compare-curves canvas")).isGreaterThan(500);

                long trial = completeTrial();
                browser.get("http://127.0.0.1:" + dashboard.port() + "/#/trial/" + trial);
                wait.until(b -> "trial".equals(browser.findElement(By.tagName("body")).getAttribute("data-page")));
                assertThat(Integer.parseInt(browser.findElement(By.tagName("body")).getAttribute("data-epochs"))).isPositive();
                assertThat(browser.findElements(By.cssSelector("#trial-accuracy canvas"))).hasSize(1);
                assertThat(drawnPixels(browser, "#trial-accuracy canvas")).as("the curve is drawn").isGreaterThan(500);
                assertThat(browser.findElement(By.id("trial-snippet")).getText()).startsWith("enqueue:\n  - {learning_rate: ");
                assertThat(drawnPixels(browser, "#trial-confusion canvas")).as("the confusion matrix").isGreaterThan(500);
                String model = (String) browser.executeScript("return document.getElementById('model-download').href");
                enter(dashboard.address());
                HttpResponse<byte[]> zip = client.send(HttpRequest.newBuilder(URI.create(model)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(zip.body()).startsWith((byte) 'P', (byte) 'K');
                assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("trial-" + trial + ".zip");
                String provenance = send(HttpRequest.newBuilder(URI.create(model.replace("model.zip", "provenance.json"))).GET()).body();
                assertThat(provenance).contains("\"trial_id\" : " + trial).contains("\"sweep_yaml\"");
                screenshot(browser, "trial-page.png");

                browser.get("http://127.0.0.1:" + dashboard.port() + "/#/");
                wait.until(b -> "sweeps".equals(browser.findElement(By.tagName("body")).getAttribute("data-page")));
                assertThat(browser.findElement(By.id("sweeps-table")).getText()).contains("live").contains("random search, 10 trials")
                        .contains("median");

                List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
                assertThat(problems).as("the browser's console").isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void aSweepStartedWhileTheDashboardHoldsTheDatabaseRunsOnAfterTheDashboardStops() throws Exception {
        assertThat(Cli.run("run", sweepFile("earlier", 1, 1).toString(), "--db", db(), "--quiet").exitCode()).isZero();
        Path file = sweepFile("later", 4, 8);
        ExperimentStore store = ExperimentStore.openForReading(db());
        DashboardServer dashboard = DashboardServer.start(store, "127.0.0.1", 0, TOKEN);
        // The dashboard opened the database first, so it serves it to the sweep (H2's mixed mode) until it stops.
        try (SweepProcess sweep = SweepProcess.start(dir.resolve("later.log"), "run", file.toString(), "--db", db(), "--quiet")) {
            String base = enter(dashboard.address());
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!send(HttpRequest.newBuilder(URI.create(base + "/api/sweeps/later")).GET()).body().contains("\"COMPLETE\":1")) {
                assertThat(System.nanoTime()).as("a trial of the later sweep completes:\n%s", sweep.output()).isLessThan(deadline);
                assertThat(sweep.isAlive()).as("the sweep runs:\n%s", sweep.output()).isTrue();
                Thread.sleep(100);
            }
            dashboard.close();
            store.close();
            assertThat(sweep.waitFor(Duration.ofMinutes(3))).as("the sweep outlives the dashboard:\n%s", sweep.output()).isZero();
        }
        assertThat(trials().stream().filter(t -> t.sweepName().equals("later")))
                .hasSize(4).allSatisfy(t -> assertThat(t.state()).isIn(TrialState.COMPLETE, TrialState.PRUNED));
    }

    @Test
    void theDashboardCommandServesImportanceAndABestModelsMistakesAndFilters() throws Exception {
        Path file = Files.writeString(dir.resolve("conv.yaml"), """
                name: conv
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: cnn
                strategy: {type: random, trials: 4}
                parameters:
                  epochs: 1
                  filters_1: 8
                  filters_2: 8
                  units: 16
                  learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}
                  dropout: {float: [0.0, 0.5]}
                """);
        assertThat(Cli.run("run", file.toString(), "--db", db(), "--quiet").exitCode()).isZero();
        long trial = completeTrial();
        try (SweepProcess dashboard = SweepProcess.start(dir.resolve("dashboard.log"), "dashboard", "--port", "0", "--db", db())) {
            String address = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (address == null && System.nanoTime() < deadline) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/\\?token=[0-9a-f]{48})")
                        .matcher(dashboard.output());
                address = m.find() ? m.group(1) : null;
                assertThat(dashboard.isAlive()).as(dashboard.output()).isTrue();
                Thread.sleep(100);
            }
            assertThat(address).as("the address it prints:\n%s", dashboard.output()).isNotNull();
            String base = enter(address);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/sweeps/conv/importance")).GET()).body())
                    .contains("\"learning_rate\":").contains("\"dropout\":");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/trials/" + trial + "/pictures")).GET()).body())
                    .isEqualTo("{\"mistakes\":true,\"filters\":true}");
            for (String which : List.of("mistakes", "filters")) {
                HttpResponse<byte[]> png = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/trials/" + trial + "/" + which + ".png")).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(png.statusCode()).as(which).isEqualTo(200);
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
                assertThat(image.getWidth()).as(which).isGreaterThan(100);
            }
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/trials/" + trial + "/secrets.png")).GET()).statusCode())
                    .isEqualTo(404);
            dashboard.kill();
        }
    }

    @Test
    void aSweepOverTwoArchitecturesComparesThemOnItsPage() throws Exception {
        Path file = Files.writeString(dir.resolve("pair.yaml"), """
                name: pair
                dataset: {name: mnist, train_limit: 600, validation: 200}
                architecture: {values: [mlp, lenet5]}
                strategy: {type: grid}
                parameters:
                  epochs: 1
                  mlp: {units: {values: [16, 64]}}
                  lenet5: {filters_1: {values: [4, 6]}}
                """);
        assertThat(Cli.run("run", file.toString(), "--db", db(), "--quiet").exitCode()).isZero();
        try (ExperimentStore store = ExperimentStore.openForReading(db());
             DashboardServer dashboard = DashboardServer.start(store, "127.0.0.1", 0, TOKEN)) {
            ChromeDriver browser = chromium();
            try {
                browser.get(dashboard.address());
                browser.get("http://127.0.0.1:" + dashboard.port() + "/#/sweep/pair");
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "4".equals(browser.findElement(By.tagName("body"))
                        .getAttribute("data-completed")));
                assertThat(browser.findElement(By.id("architectures")).isDisplayed()).isTrue();
                assertThat(drawnPixels(browser, "#by-architecture canvas")).isGreaterThan(500);
                assertThat(drawnPixels(browser, "#by-size canvas")).isGreaterThan(500);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void theDashboardRefusesWritesTraversalAndInjectionAndLeavesTheDatabaseAsItWas() throws Exception {
        assertThat(Cli.run("run", sweepFile("quiet", 2, 1).toString(), "--db", db(), "--quiet").exitCode()).isZero();
        int before = trials().size();
        try (ExperimentStore store = ExperimentStore.openForReading(db());
             DashboardServer dashboard = DashboardServer.start(store, "127.0.0.1", 0, TOKEN)) {
            String base = enter(dashboard.address());
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/sweeps"))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(response.statusCode()).as(method).isEqualTo(405);
            }
            for (String path : List.of("/../../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                    "/webjars/../../../../etc/passwd", "/dev/sweep/dashboard/DashboardServer.class")) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
                assertThat(response.statusCode()).as(path).isNotEqualTo(200);
                assertThat(response.body()).as(path).doesNotContain("root:");
            }
            HttpResponse<String> injected = send(HttpRequest.newBuilder(URI.create(base + "/api/sweeps/quiet?where="
                    + java.net.URLEncoder.encode("1=1; DROP TABLE trial --", java.nio.charset.StandardCharsets.UTF_8))).GET());
            assertThat(injected.statusCode()).isEqualTo(400);
            assertThat(injected.body()).startsWith("{\"error\":\"where: ");
            HttpResponse<String> filtered = send(HttpRequest.newBuilder(URI.create(base + "/api/sweeps/quiet?where="
                    + java.net.URLEncoder.encode("epochs_done >= 1", java.nio.charset.StandardCharsets.UTF_8))).GET());
            assertThat(filtered.statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/sweeps/nothing")).GET()).statusCode()).isEqualTo(404);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/trials/x")).GET()).statusCode()).isEqualTo(400);
        }
        assertThat(trials()).hasSize(before);
    }

    @Test
    void everyRequestNeedsTheTokenEvenOnLoopbackAndAnHttpOnlySameSiteCookieCarriesItAfterTheFirst() throws Exception {
        assertThat(Cli.run("run", sweepFile("guarded", 1, 1).toString(), "--db", db(), "--quiet").exitCode()).isZero();
        long trial = completeTrial();
        try (ExperimentStore store = ExperimentStore.openForReading(db());
             DashboardServer dashboard = DashboardServer.start(store, "127.0.0.1", 0, TOKEN)) {
            String base = "http://127.0.0.1:" + dashboard.port();
            for (String path : List.of("/", "/dashboard.js", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/api/sweeps",
                    "/api/trials/" + trial + "/model.zip")) {
                assertThat(send(HttpRequest.newBuilder(URI.create(base + path)).GET()).statusCode()).as("%s without the token", path)
                        .isEqualTo(403);
                assertThat(send(HttpRequest.newBuilder(URI.create(base + path + "?token=" + TOKEN.substring(1) + "0")).GET())
                        .statusCode()).as("%s with a wrong token", path).isEqualTo(403);
            }
            HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(dashboard.address())).GET());
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/sweeps")).GET()).body()).as("the cookie carries the token")
                    .contains("\"name\":\"guarded\"");
            assertThat(dashboard.address()).isEqualTo(base + "/?token=" + TOKEN);
        }
    }

    @Test
    void aRequestForAnotherHostOrFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        assertThat(Cli.run("run", sweepFile("rebound", 1, 1).toString(), "--db", db(), "--quiet").exitCode()).isZero();
        try (ExperimentStore store = ExperimentStore.openForReading(db());
             DashboardServer dashboard = DashboardServer.start(store, "127.0.0.1", 0, TOKEN)) {
            int port = dashboard.port();
            String path = "/api/sweeps?token=" + TOKEN;
            assertThat(statusWith(port, path, "127.0.0.1:" + port, null)).isEqualTo(200);
            assertThat(statusWith(port, path, "localhost:" + port, "http://localhost:" + port)).isEqualTo(200);
            assertThat(statusWith(port, path, "evil.example:" + port, null)).as("a rebound name").isEqualTo(403);
            assertThat(statusWith(port, path, "127.0.0.1:" + port, "http://evil.example")).as("another site's page").isEqualTo(403);
        }
    }

    @Test
    void onEveryInterfaceThePrintedAddressIsOneAnotherBrowserCanOpen() throws Exception {
        assertThat(Cli.run("run", sweepFile("shared", 1, 1).toString(), "--db", db(), "--quiet").exitCode()).isZero();
        try (ExperimentStore store = ExperimentStore.openForReading(db());
             DashboardServer dashboard = DashboardServer.start(store, "0.0.0.0", 0, TOKEN)) {
            String address = dashboard.address();
            assertThat(address).doesNotContain("0.0.0.0").endsWith(":" + dashboard.port() + "/?token=" + TOKEN);
            assertThat(send(HttpRequest.newBuilder(URI.create(address)).GET()).statusCode()).isEqualTo(200);
        }
    }

    private void awaitFirstTrial(SweepProcess sweep) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(sweep.isAlive()).as("the sweep ended early:\n%s", sweep.output()).isTrue();
            try {
                if (trials().stream().anyMatch(t -> t.state() == TrialState.COMPLETE)) {
                    return;
                }
            } catch (RuntimeException e) {
                // not created yet, or between connections
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no trial completed in time:\n" + sweep.output());
    }

    private long completeTrial() {
        return trials().stream().filter(t -> t.state() == TrialState.COMPLETE).findFirst().orElseThrow().id();
    }

    private List<TrialRecord> trials() {
        try (ExperimentStore store = ExperimentStore.openForReading(db())) {
            return store.sweeps().stream().flatMap(s -> store.trials(s.id()).stream()).toList();
        }
    }

    private static long drawnPixels(ChromeDriver browser, String canvas) {
        Object count = browser.executeScript("const c = document.querySelector(arguments[0]);"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", canvas);
        return ((Number) count).longValue();
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Keeps the dashboard's cookie, as a browser does. */
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the printed address, as a user does, so that the cookie carries the token from then on; the base URL. */
    private String enter(String address) throws IOException, InterruptedException {
        assertThat(send(HttpRequest.newBuilder(URI.create(address)).GET()).statusCode()).as(address).isEqualTo(200);
        return address.substring(0, address.indexOf("/?token="));
    }

    /** The status of a GET with the Host and Origin given (the JDK's client will not set Host). */
    private static int statusWith(int port, String path, String host, String origin) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
