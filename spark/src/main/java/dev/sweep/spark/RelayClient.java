package dev.sweep.spark;

import dev.sweep.train.EpochMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An executor's end of the {@link EpochRelay}. If the driver cannot be reached the trial trains on: its epochs then
 * reach the database with its result, and it cannot be pruned.
 */
final class RelayClient {
    private static final Logger LOG = LoggerFactory.getLogger(RelayClient.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String url;
    private boolean broken;

    RelayClient(String url) {
        this.url = url;
    }

    void epoch(EpochMetrics m) {
        post("epoch", "epoch=" + m.epoch() + "&train_loss=" + m.trainLoss() + "&train_accuracy=" + m.trainAccuracy()
                + "&val_loss=" + m.valLoss() + "&val_accuracy=" + m.valAccuracy() + "&seconds=" + m.seconds()
                + "&images_per_sec=" + m.imagesPerSecond());
    }

    boolean shouldPrune(int epoch, double objective) {
        return "prune".equals(post("prune", "epoch=" + epoch + "&objective=" + objective));
    }

    static EpochMetrics decode(Map<String, String> form) {
        return new EpochMetrics(Integer.parseInt(form.get("epoch")), Double.parseDouble(form.get("train_loss")),
                Double.parseDouble(form.get("train_accuracy")), Double.parseDouble(form.get("val_loss")),
                Double.parseDouble(form.get("val_accuracy")), Double.parseDouble(form.get("seconds")),
                Double.parseDouble(form.get("images_per_sec")));
    }

    private String post(String what, String body) {
        if (url == null || broken) {
            return null;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/" + what)).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            broken = true;
            LOG.warn("cannot reach the sweep's driver at {} ({}); this trial's epochs reach the database when it ends", url, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
