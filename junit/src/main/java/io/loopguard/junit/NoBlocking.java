package io.loopguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Fails the annotated test (or every test of the annotated class) if, while it ran, any thread that must
 * never block made a blocking call — even if the application caught Loopguard's error.
 *
 * <p>With parallel test execution enabled, an annotated test runs alone (it holds JUnit's global resource
 * lock), so every detection is charged to the test that caused it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LoopguardExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface NoBlocking {

    /**
     * Methods inside which blocking is accepted during this test, as {@code Class#method} (all overloads,
     * and everything they call) — the semantics of the agent's {@code allow} option.
     */
    String[] allow() default {};

    /**
     * A regular expression: threads whose whole name matches must not block during this test either, like
     * the agent's {@code threads} option. Empty: only the agent's designated threads.
     */
    String threads() default "";
}
