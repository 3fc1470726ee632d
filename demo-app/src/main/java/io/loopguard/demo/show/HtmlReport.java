package io.loopguard.demo.show;

import io.loopguard.demo.load.ConcurrentCallsExperiment;
import io.loopguard.demo.load.LoadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The demo's report: one HTML file with inline SVG charts and the measured numbers as JSON; no scripts and
 * nothing fetched, so it opens anywhere, offline. It is well-formed XML too, so tools can parse it.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(Path file, List<ConcurrentCallsExperiment.Result> experiment, List<LoadResult> load,
                             Findings findings, List<String> modes) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <title>Loopguard demo: the death spiral, the fixes, and the blocking line</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 760px; margin: 24px auto; color: #222; }
                table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
                th, td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: right; }
                th:first-child, td:first-child { text-align: left; }
                code { background: #f3f3f3; padding: 1px 4px; }
                .blocking { color: #d62728; } .offload { color: #1f77b4; } .async { color: #2ca02c; }
                </style>
                </head>
                <body>
                <h1>Loopguard demo</h1>
                <p>The same slow call served three ways by a Netty server: <b class="blocking">/blocking</b> makes it on the
                event loop, <b class="offload">/offload</b> moves it to a bounded worker pool, <b class="async">/async</b> never waits.</p>
                """);
        if (!experiment.isEmpty()) {
            html.append("<h2>Requests sent at the same moment</h2>\n<table><tr><th>mode</th><th>each completed after (s)</th><th>total (s)</th></tr>\n");
            for (ConcurrentCallsExperiment.Result result : experiment) {
                html.append(String.format(Locale.ROOT, "<tr><td class=\"%s\">/%s</td><td>%s</td><td>%.1f</td></tr>%n", result.mode(), result.mode(),
                        result.completedMillis().stream().map(ms -> String.format(Locale.ROOT, "%.1f", ms / 1000.0))
                                .collect(Collectors.joining(" ")), result.totalMillis() / 1000.0));
            }
            html.append("</table>\n");
        }
        if (!load.isEmpty()) {
            html.append(String.format(Locale.ROOT, "<h2>Open-loop load: %d requests/s to each mode</h2>%n", load.get(0).rate()));
            html.append("<p>Latency of the requests due in each second of the run (median). A blocked event loop serves fewer "
                    + "requests than arrive, so its queue and its latency grow for as long as the load lasts.</p>\n");
            html.append(SvgLineChart.render("second of the run (the requests due in it)", "latency, median (log scale)",
                    series(load, LoadResult.Second::p50Millis)));
            html.append("<p><code>/health</code>, answered straight from the event loop, as a load balancer sees it (slowest probe each second):</p>\n");
            html.append(SvgLineChart.render("second of the run", "/health, slowest probe (log scale)",
                    series(load, LoadResult.Second::healthMaxMillis)));
            html.append("<table><tr><th>mode</th><th>answered/s</th><th>p50</th><th>p99</th><th>max</th><th>/health p99</th><th>503s</th><th>errors</th></tr>\n");
            for (LoadResult result : load) {
                html.append(String.format(Locale.ROOT, "<tr><td class=\"%s\">/%s</td><td>%.1f</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td></tr>%n",
                        result.mode(), result.mode(), result.throughput(), Tables.millis(result.latency().getValueAtPercentile(50)),
                        Tables.millis(result.latency().getValueAtPercentile(99)), Tables.millis(result.latency().getMaxValue()),
                        Tables.millis(result.health().getValueAtPercentile(99)), result.unavailable(), result.errors()));
            }
            html.append("</table>\n");
        }
        html.append("<h2>Loopguard's findings</h2>\n<table><tr><th>mode</th><th style=\"text-align:left\">blocking calls on the event loop</th></tr>\n");
        for (String mode : modes) {
            List<Findings.CallSite> found = findings.inMode(mode);
            String text = found.isEmpty() ? "nothing" : found.stream()
                    .map(site -> site.count() + " × <code>" + escape(site.operation()) + "</code> at <code>" + escape(site.callSite()) + "</code>"
                            + (site.handlerFrame().isEmpty() || site.handlerFrame().equals(site.callSite()) ? ""
                            : " in the handler at <code>" + escape(site.handlerFrame()) + "</code>"))
                    .collect(Collectors.joining("<br/>"));
            html.append(String.format("<tr><td class=\"%s\">/%s</td><td style=\"text-align:left\">%s</td></tr>%n", mode, mode, text));
        }
        html.append("</table>\n");
        html.append("<script type=\"application/json\" id=\"chart-data\">\n").append(json(experiment, load)).append("\n</script>\n");
        html.append("</body>\n</html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static List<SvgLineChart.Series> series(List<LoadResult> load, ToDoubleFunction<LoadResult.Second> value) {
        List<SvgLineChart.Series> series = new ArrayList<>();
        for (LoadResult result : load) {
            series.add(new SvgLineChart.Series(result.mode(), result.timeline().stream()
                    .map(second -> new SvgLineChart.Point(second.second() + 1, value.applyAsDouble(second))).toList()));
        }
        return series;
    }

    /** The numbers behind the charts, for anyone who wants to plot them differently. */
    private static String json(List<ConcurrentCallsExperiment.Result> experiment, List<LoadResult> load) {
        String concurrent = experiment.stream().map(result -> String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"completedMillis\":%s,\"totalMillis\":%d}", result.mode(),
                result.completedMillis(), result.totalMillis())).collect(Collectors.joining(",\n  "));
        String runs = load.stream().map(result -> String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"rate\":%d,\"answered\":%d,\"unavailable\":%d,\"errors\":%d,\"timeline\":[%s]}",
                result.mode(), result.rate(), result.answered(), result.unavailable(), result.errors(),
                result.timeline().stream().map(s -> String.format(Locale.ROOT,
                        "{\"second\":%d,\"p50Millis\":%.1f,\"maxMillis\":%.1f,\"healthMaxMillis\":%.1f}",
                        s.second(), s.p50Millis(), s.maxMillis(), s.healthMaxMillis())).collect(Collectors.joining(","))))
                .collect(Collectors.joining(",\n  "));
        return "{\"concurrentCalls\":[\n  " + concurrent + "],\n\"load\":[\n  " + runs + "]}";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
