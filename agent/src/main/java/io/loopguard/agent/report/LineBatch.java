package io.loopguard.agent.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whole lines of the events file waiting to be appended, each with the number of detections it stands for
 * (1 for a detection, the count of a {@code dropped} record, 0 for a {@code rotated} one), so that a write
 * that fails part way can tell exactly which detections are in the file and which are lost.
 */
final class LineBatch {
    private byte[] bytes = new byte[16 * 1024];
    private int size;
    private int[] ends = new int[64];
    private long[] counts = new long[64];
    private int lines;

    /** Adds {@code line} (without its newline) that stands for {@code count} detections. */
    void add(String line, long count) {
        byte[] encoded = line.getBytes(StandardCharsets.UTF_8); // never fails: JsonLine replaced malformed text
        ensure(encoded.length + 1);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        bytes[size++] = '\n';
        ends[lines] = size;
        counts[lines++] = count;
    }

    void addAll(LineBatch other) {
        for (int i = 0; i < other.lines; i++) {
            int start = i == 0 ? 0 : other.ends[i - 1];
            ensure(other.ends[i] - start);
            System.arraycopy(other.bytes, start, bytes, size, other.ends[i] - start);
            size += other.ends[i] - start;
            ends[lines] = size;
            counts[lines++] = other.counts[i];
        }
    }

    int byteSize() {
        return size;
    }

    int lines() {
        return lines;
    }

    /** Every line, ready to append. */
    ByteBuffer all() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    ByteBuffer line(int index) {
        int start = index == 0 ? 0 : ends[index - 1];
        return ByteBuffer.wrap(bytes, start, ends[index] - start);
    }

    /** The detections the lines from {@code index} on stand for. */
    long countFrom(int index) {
        long count = 0;
        for (int i = index; i < lines; i++) {
            count += counts[i];
        }
        return count;
    }

    void clear() {
        size = 0;
        lines = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
        if (lines == ends.length) {
            ends = Arrays.copyOf(ends, lines * 2);
            counts = Arrays.copyOf(counts, lines * 2);
        }
    }
}
