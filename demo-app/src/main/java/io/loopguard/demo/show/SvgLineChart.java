package io.loopguard.demo.show;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small self-contained SVG line chart: one line per series, each with its own colour, dash and point
 * markers; a logarithmic value axis, since a blocked event loop's latency is a hundred times the others'
 * and a linear axis would draw them on the same pixels near zero; axes with units; a legend.
 */
final class SvgLineChart {
    static final Map<String, String> COLOURS = Map.of("blocking", "#d62728", "offload", "#1f77b4", "async", "#2ca02c");
    private static final Map<String, String> DASHES = Map.of("blocking", "", "offload", "6 3", "async", "2 3");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 280;
    private static final int LEFT = 72;
    private static final int RIGHT = 110;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private SvgLineChart() {
    }

    /** A point of a series; {@code x} from 1. */
    record Point(double x, double y) { }

    /** A named line. */
    record Series(String name, List<Point> points) { }

    /** Values in milliseconds; those below 1 ms are drawn at 1 ms. */
    static String render(String xLabel, String yLabel, List<Series> series) {
        double maxX = Math.max(2, series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).max().orElse(2));
        double maxValue = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElse(1);
        double minValue = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).min().orElse(1);
        int lowest = (int) Math.floor(Math.log10(Math.max(1, minValue)));
        int decades = Math.max(1, (int) Math.ceil(Math.log10(Math.max(10, maxValue))) - lowest);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#ccc\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        for (int decade = 0; decade <= decades; decade++) {
            double y = TOP + plotHeight - plotHeight * decade / decades;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    LEFT, LEFT + plotWidth, y, y, LEFT - 6, y + 4, millis(Math.pow(10, lowest + decade))));
        }
        int step = (int) Math.ceil(maxX / 10);
        for (int value = 1; value <= maxX; value += step) {
            double x = xPosition(value, maxX, plotWidth);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>%n",
                    x, x, TOP + (int) plotHeight, TOP + (int) plotHeight + 4, x, TOP + (int) plotHeight + 16, value));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 6, xLabel));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.0f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.0f)\">%s</text>%n",
                TOP + plotHeight / 2, TOP + plotHeight / 2, yLabel));
        int legend = 0;
        for (Series line : series) {
            String colour = COLOURS.getOrDefault(line.name(), "#555");
            String dash = DASHES.getOrDefault(line.name(), "");
            StringBuilder points = new StringBuilder();
            StringBuilder markers = new StringBuilder();
            for (Point point : line.points()) {
                double x = xPosition(point.x(), maxX, plotWidth);
                double y = TOP + plotHeight - plotHeight * (Math.log10(Math.max(1, point.y())) - lowest) / decades;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                markers.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", x, y, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\" points=\"%s\"><title>/%s</title></polyline>%s%n",
                    colour, dash, points.toString().trim(), line.name(), markers));
            double y = TOP + 14 + 18 * legend++;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\" stroke-dasharray=\"%s\"/>"
                            + "<text x=\"%.0f\" y=\"%.1f\" font-size=\"12\">/%s</text>%n",
                    LEFT + plotWidth + 10, LEFT + plotWidth + 34, y, y, colour, dash, LEFT + plotWidth + 40, y + 4, line.name()));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Points from 1 to {@code maxX}, half a step in from each edge. */
    private static double xPosition(double x, double maxX, double plotWidth) {
        return LEFT + plotWidth * (x - 0.5) / maxX;
    }

    /** 1 ms, 10 ms, 100 ms, 1 s, 10 s, 100 s. */
    private static String millis(double value) {
        return value < 1000 ? String.format(Locale.ROOT, "%.0f ms", value) : String.format(Locale.ROOT, "%.0f s", value / 1000);
    }
}
