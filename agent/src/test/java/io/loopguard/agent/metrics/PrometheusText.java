package io.loopguard.agent.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Prometheus endpoint served, read the way Prometheus reads it: sample lines {@code name{labels} value}. */
record PrometheusText(String contentType, String body) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PrometheusText scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from /metrics: " + response.body());
        }
        return new PrometheusText(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** The sum of the samples of {@code name} whose labels contain {@code labelPart}; NaN if there is none. */
    double sum(String name, String... labelParts) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(body);
        double sum = Double.NaN;
        while (sample.find()) {
            String labels = sample.group(1) == null ? "" : sample.group(1);
            if (Arrays.stream(labelParts).allMatch(labels::contains)) {
                sum = (Double.isNaN(sum) ? 0 : sum) + Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }
}
