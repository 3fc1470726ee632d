package io.loopguard.scenarios;

import java.lang.reflect.Method;
import java.util.regex.Pattern;

/**
 * Designates the threads named {@code worker-N} the way the JUnit extension does for a test's {@code threads}
 * (through the agent's bootstrap classes, with no framework in the JVM), then sleeps on such a thread and on
 * one named {@code other-1}, which the pattern does not name; prints {@code RESULT <thread> sleep ok} for each.
 */
public final class PatternDesignatedWorker {

    public static void main(String[] args) throws Exception {
        Class<?> extraThreads = Class.forName("io.loopguard.bootstrap.ExtraDesignatedThreads", true, null);
        Method add = extraThreads.getMethod("add", Pattern.class);
        add.invoke(null, Pattern.compile("worker-\\d+"));
        for (String name : new String[] {"worker-1", "other-1"}) {
            Thread thread = new Thread(() -> {
                try {
                    Thread.sleep(1);
                    System.out.println("RESULT " + name + " sleep ok");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name);
            thread.start();
            thread.join();
        }
    }
}
