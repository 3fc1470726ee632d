package io.loopguard.corpus.offload;

/** A task class that writes an audit line to a file: blocking, and run on a worker. */
final class AuditTrail implements Runnable {
    private final String line;

    AuditTrail(String line) {
        this.line = line;
    }

    @Override
    public void run() {
        OffloadingHandler.readQuietly("audit/" + line);
    }
}
