package io.loopguard.junit;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which a thread that must never block (a Netty event loop, ...) made a blocking call,
 * whatever the application did with Loopguard's error: the failure lists each call's operation, thread,
 * call site and stack; so does an event-loop stall that the test's own code caused (not one the machine
 * caused: a JVM pause, a CPU the loop waited for, warm-up). Calls in {@code @BeforeEach}/{@code @AfterEach} count for the test; those in
 * {@code @BeforeAll}/{@code @AfterAll} fail the class.
 *
 * <p>Register it with {@link NoBlocking @NoBlocking}, {@code @ExtendWith(LoopguardExtension.class)}, or for
 * every test through JUnit's extension autodetection. If the JVM was started without the Loopguard agent, it
 * attaches the agent once.
 */
public final class LoopguardExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LoopguardExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        open(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context, "this test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context, "this test class, outside its tests (constructor, @BeforeAll, @AfterAll)");
    }

    private static void open(ExtensionContext context) {
        TestWindows windows = TestWindows.get();
        if (windows != null) {
            Window window = windows.open(name(context), enclosingWindow(context), TestRules.of(context));
            context.getStore(NAMESPACE).put(context.getUniqueId(), window);
        }
    }

    private static void close(ExtensionContext context, String during) {
        Window window = context.getStore(NAMESPACE).remove(context.getUniqueId(), Window.class);
        if (window == null) {
            return;
        }
        TestWindows.get().close(window); // after it, the agent's thread no longer touches the window
        List<BlockingCall> calls = window.chargedCalls();
        List<LoopStall> stalls = window.chargedStalls();
        if (!calls.isEmpty() || !stalls.isEmpty() || window.dropped > 0) {
            throw new AssertionError(BlockingReport.describe(during, calls, stalls, window.dropped,
                    window.sharedWith));
        }
    }

    private static Window enclosingWindow(ExtensionContext context) {
        for (Optional<ExtensionContext> at = context.getParent(); at.isPresent(); at = at.get().getParent()) {
            Window window = at.get().getStore(NAMESPACE).get(at.get().getUniqueId(), Window.class);
            if (window != null) {
                return window;
            }
        }
        return null;
    }

    private static String name(ExtensionContext context) {
        String className = context.getTestClass().map(Class::getSimpleName).orElse(context.getDisplayName());
        return context.getTestMethod().isPresent() ? className + "#" + context.getDisplayName() : className;
    }
}
