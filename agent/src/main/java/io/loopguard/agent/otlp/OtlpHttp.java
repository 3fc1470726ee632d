package io.loopguard.agent.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/** Posts one OTLP/HTTP protobuf request and says what the collector made of it. */
final class OtlpHttp {

    /** What became of one request. */
    enum Result {
        /** The collector took it. */
        SENT,
        /** Not now (unreachable, overloaded, restarting): the same request may succeed later. */
        RETRY,
        /** The collector refused it for good: sending it again cannot help. */
        REFUSED
    }

    /** @param problem why the request was not sent, for the user; {@code null} if it was */
    record Outcome(Result result, String problem) {
    }

    private OtlpHttp() {
    }

    static Outcome post(String url, Map<String, String> headers, byte[] body, int timeoutMillis) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/x-protobuf");
            headers.forEach(connection::setRequestProperty);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            if (status >= 200 && status < 300) {
                return new Outcome(Result.SENT, null);
            }
            // The statuses the OTLP specification says to retry; any other is final.
            boolean retry = status == 429 || status == 502 || status == 503 || status == 504;
            return new Outcome(retry ? Result.RETRY : Result.REFUSED, "HTTP " + status + " from " + url);
        } catch (IOException | RuntimeException e) {
            return new Outcome(Result.RETRY, e.getClass().getSimpleName() + " for " + url
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /**
     * Reads the answer to its end. The connection is then closed, not kept alive: requests are a step apart,
     * and the JDK's keep-alive cache would start a thread of its own.
     */
    private static void drain(InputStream answer) throws IOException {
        if (answer != null) {
            try (answer) {
                answer.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
