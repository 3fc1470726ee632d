package io.loopguard.demo.show;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small self-contained SVG line chart: one line per series, axes with a few ticks, a legend. */
final class SvgLineChart {
    static final Map<String, String> COLOURS = Map.of("blocking", "#d62728", "offload", "#1f77b4", "async", "#2ca02c");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 110;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private SvgLineChart() {
    }

    /** A point of a series. */
    record Point(double x, double y) { }

    /** A named line. */
    record Series(String name, List<Point> points) { }

    static String render(String xLabel, String yLabel, List<Series> series) {
        double maxX = Math.max(1, series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).max().orElse(1));
        double maxY = niceCeiling(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#ccc\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        for (int tick = 0; tick <= 4; tick++) {
            double value = maxY * tick / 4;
            double y = TOP + plotHeight - plotHeight * tick / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    LEFT, LEFT + plotWidth, y, y, LEFT - 6, y + 4, label(value)));
        }
        int step = (int) Math.ceil(maxX / 5);
        for (int value = 0; value <= maxX; value += step) {
            double x = LEFT + plotWidth * value / maxX;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP + (int) plotHeight + 14, label(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 4, xLabel));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.0f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.0f)\">%s</text>%n",
                TOP + plotHeight / 2, TOP + plotHeight / 2, yLabel));
        int legend = 0;
        for (Series line : series) {
            String colour = COLOURS.getOrDefault(line.name(), "#555");
            StringBuilder points = new StringBuilder();
            for (Point point : line.points()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotWidth * point.x() / maxX,
                        TOP + plotHeight - plotHeight * point.y() / maxY));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>%n",
                    colour, points.toString().trim(), line.name()));
            double y = TOP + 14 + 18 * legend++;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>"
                            + "<text x=\"%.0f\" y=\"%.1f\" font-size=\"12\">/%s</text>%n",
                    LEFT + plotWidth + 10, LEFT + plotWidth + 30, y, y, colour, LEFT + plotWidth + 36, y + 4, line.name()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
