package dev.sweep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report of a small real sweep: every chart has data, and the page loads in headless Chromium. */
class ReportTest {
    private static final Pattern IMAGE = Pattern.compile("<img alt=\"([^\"]*)\" src=\"data:image/png;base64,([^\"]*)\">");

    @TempDir
    Path dir;

    @Test
    void theReportOfASmallConvNetSweepHasEveryChartAndLoadsInChromiumWithoutErrors() throws Exception {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, """
                name: small
                dataset: {name: mnist, train_limit: 600, validation: 200}
                architecture: cnn
                strategy: {type: random, trials: 3}
                parameters:
                  epochs: 2
                  filters_1: 8
                  filters_2: 8
                  units: 16
                  learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}
                  activation: {values: [relu, tanh]}
                """);
        String db = dir.resolve("experiments").toString();
        assertThat(Cli.run("run", file.toString(), "--db", db, "--quiet").exitCode()).isZero();
        Path out = dir.resolve("report");
        Cli report = Cli.run("report", "small", "--out", out.toString(), "--db", db);
        assertThat(report.exitCode()).as(report.toString()).isZero();
        String html = Files.readString(out.resolve("index.html"));

        List<String> charts = drawnCharts(html);
        assertThat(charts).containsExactly("learning curves: loss", "learning curves: accuracy", "optimization history", "parameter importance", "val_accuracy against learning_rate",
                "val_accuracy by activation", "confusion matrix of the best trial", "misclassified test images",
                "first-layer filters");

        Cli again = Cli.run("report", "small", "--out", out.toString(), "--db", db);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists; add --force");

        Cli nowhere = Cli.run("report", "small", "--out", "/proc/report", "--db", db);
        assertThat(nowhere.exitCode()).as(nowhere.toString()).isEqualTo(2);
        assertThat(nowhere.err()).contains("cannot write into /proc/report").contains("Fix: give --out a folder you can write")
                .doesNotContain("Exception");

        assertLoadsInChromium(out.resolve("index.html"), charts.size());
    }

    @Test
    void theReportOfASweepOverTwoArchitecturesComparesThemAndChartsEachBranchParameterOverItsOwnTrials() throws Exception {
        Path file = dir.resolve("pair.yaml");
        Files.writeString(file, """
                name: pair
                dataset: {name: mnist, train_limit: 600, validation: 200}
                architecture: {values: [mlp, lenet5]}
                strategy: {type: grid}
                parameters:
                  epochs: 1
                  mlp: {units: {values: [16, 64]}}
                  lenet5: {filters_1: {values: [4, 6]}}
                """);
        String db = dir.resolve("experiments").toString();
        assertThat(Cli.run("run", file.toString(), "--db", db, "--quiet").exitCode()).isZero();
        Path out = dir.resolve("report");
        Cli report = Cli.run("report", "pair", "--out", out.toString(), "--db", db);
        assertThat(report.exitCode()).as(report.toString()).isZero();
        String html = Files.readString(out.resolve("index.html"));

        List<String> charts = drawnCharts(html);
        assertThat(charts).contains("val_accuracy by architecture", "val_accuracy against trainable parameters",
                "val_accuracy against mlp.units", "val_accuracy against lenet5.filters_1");
        // Four trials: importance compares the best two with all four, and says so when nothing stands out.
        assertThat(charts.contains("parameter importance") || html.contains("No parameter's values set the best trials apart"))
                .as("importance charted, or said to show nothing").isTrue();
        assertThat(html).contains("<th>architecture</th>").contains("<td>mlp</td>").contains("<td>lenet5</td>");
    }

    @Test
    void aReportOfSeveralSweepsComparesEachStrategysMedianBestSoFarWithRandomSearchsBest() throws Exception {
        String db = dir.resolve("experiments").toString();
        List<String> names = new ArrayList<>();
        for (int seed : new int[]{1, 2}) {
            for (String strategy : List.of("random", "tpe, startup_trials: 2")) {
                String name = strategy.split(",")[0] + "-seed" + seed;
                Path file = dir.resolve(name + ".yaml");
                Files.writeString(file, """
                        name: %s
                        dataset: {name: mnist, train_limit: 500, validation: 200}
                        architecture: mlp
                        strategy: {type: %s, trials: 4}
                        seed: %d
                        parameters:
                          epochs: 1
                          learning_rate: {float: [1.0e-4, 1.0e-1], scale: log}
                          units: {int: [16, 64], step: 16}
                        """.formatted(name, strategy, seed));
                assertThat(Cli.run("run", file.toString(), "--db", db, "--quiet").exitCode()).isZero();
                names.add(name);
            }
        }
        Path out = dir.resolve("compared");
        List<String> args = new ArrayList<>(List.of("report", "--out", out.toString(), "--db", db));
        args.addAll(names);
        Cli report = Cli.run(args.toArray(String[]::new));
        assertThat(report.exitCode()).as(report.toString()).isZero();
        String html = Files.readString(out.resolve("index.html"));

        assertThat(drawnCharts(html)).containsExactly("median best so far by strategy");
        assertThat(html).contains("<td>random search, 4 trials</td><td>2</td>").contains("<td>tpe search, 4 trials</td><td>2</td>")
                .contains("<th>after 1</th><th>after 2</th><th>after 4</th><th>trials to reach ");
        for (String name : names) {
            Cli best = Cli.run("leaderboard", "--sweep", name, "--top", "1", "--format", "csv", "--db", db);
            List<String> columns = List.of(best.out().lines().findFirst().orElseThrow().split(","));
            double objective = Double.parseDouble(best.out().lines().skip(1).findFirst().orElseThrow()
                    .split(",")[columns.indexOf("objective")]);
            String seed = name.substring(name.length() - 1);
            assertThat(html).as("%s's best after its 4 trials is its leaderboard's best", name).containsPattern(
                    "<tr><td>" + name + "</td><td>[^<]*</td><td>" + seed + "</td><td>4</td>(<td>[^<]*</td>){2}<td>"
                            + Pattern.quote(dev.sweep.space.ParameterValues.format(Math.round(objective * 10_000) / 10_000.0)) + "</td>");
        }
        assertLoadsInChromium(out.resolve("index.html"), 1);

        Cli wrong = Cli.run("report", "--force", "--out", out.toString(), "--db", db, names.get(0), "no-such-sweep", names.get(0));
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("no sweep named 'no-such-sweep'").contains("sweep '" + names.get(0) + "' is named twice")
                .contains("Fix:");
        assertThat(Files.readString(out.resolve("index.html"))).as("a refused comparison leaves the page alone").isEqualTo(html);
    }

    @Test
    void dataDescribeCountsEveryLabelOfEverySplitAndDrawsSamples() throws Exception {
        Cli cli = Cli.run("data", "describe", "--format", "json", "--out", dir.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        com.fasterxml.jackson.databind.JsonNode facts = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(cli.out().substring(0, cli.out().lastIndexOf('}') + 1));
        assertThat(facts.get("image_shape").toString()).isEqualTo("[28,28,1]");
        for (String split : List.of("train", "validation", "test")) {
            com.fasterxml.jackson.databind.JsonNode s = facts.get("splits").get(split);
            int total = 0;
            for (com.fasterxml.jackson.databind.JsonNode c : s.get("label_counts")) {
                total += c.asInt();
            }
            assertThat(total).as(split).isEqualTo(s.get("images").asInt());
        }
        assertThat(facts.get("splits").get("test").get("images").asInt()).isEqualTo(10_000);
        assertThat(facts.get("splits").get("train").get("pixel_mean").asDouble()).isBetween(0.12, 0.14);
        BufferedImage samples = ImageIO.read(dir.resolve("samples.png").toFile());
        assertThat(distinctColours(samples)).isGreaterThan(8);
    }

    /** The page opens in headless Chromium with every image loaded and nothing on its console. */
    private void assertLoadsInChromium(Path page, int images) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                "--dump-dom", page.toUri().toString()).redirectErrorStream(false).start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        String log = new String(chromium.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(dom, StandardCharsets.UTF_8);
        assertThat(text).contains("data-images=\"" + images + "\"").contains("data-broken-images=\"0\"");
        assertThat(log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))).isEmpty();
    }

    /** The charts' names, in page order, each checked to be a PNG with something drawn on it. */
    private static List<String> drawnCharts(String html) throws IOException {
        List<String> charts = new ArrayList<>();
        Matcher m = IMAGE.matcher(html);
        while (m.find()) {
            charts.add(m.group(1));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
            assertThat(image).as(m.group(1)).isNotNull();
            assertThat(distinctColours(image)).as("%s is drawn, not blank", m.group(1)).isGreaterThan(8);
        }
        return charts;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
