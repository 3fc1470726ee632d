package io.loopguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every method of a type) that runs on a thread that must never block, for code the build-time
 * {@code loopguard scan} cannot recognise by itself: it reports every blocking call such a method can reach.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RunsOnEventLoop {
}
