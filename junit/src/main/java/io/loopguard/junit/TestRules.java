package io.loopguard.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one test or class accepts, from {@link AllowBlocking} and {@link NoBlocking#allow()} /
 * {@link NoBlocking#threads()} on it and on the classes around it.
 */
final class TestRules {
    /** What a test without {@code @AllowBlocking} or {@code @NoBlocking} rules accepts: nothing. */
    static final TestRules NONE = new TestRules(false, List.of(), List.of());

    private final boolean allowAll;
    private final List<AllowedMethod> allowedMethods;
    private final List<Pattern> threads;

    private TestRules(boolean allowAll, List<AllowedMethod> allowedMethods, List<Pattern> threads) {
        this.allowAll = allowAll;
        this.allowedMethods = allowedMethods;
        this.threads = threads;
    }

    static TestRules of(ExtensionContext context) {
        boolean allowAll = false;
        List<AllowedMethod> allowed = new ArrayList<>();
        List<Pattern> threads = new ArrayList<>();
        for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
            Optional<AnnotatedElement> element = at.get().getElement();
            allowAll |= AnnotationSupport.isAnnotated(element, AllowBlocking.class);
            Optional<NoBlocking> noBlocking = AnnotationSupport.findAnnotation(element, NoBlocking.class);
            if (noBlocking.isPresent()) {
                for (String method : noBlocking.get().allow()) {
                    allowed.add(AllowedMethod.parse(method));
                }
                if (!noBlocking.get().threads().isEmpty()) {
                    threads.add(parseThreads(noBlocking.get().threads()));
                }
            }
        }
        return new TestRules(allowAll, List.copyOf(allowed), List.copyOf(threads));
    }

    /** Thread-name patterns designated while the test runs. */
    List<Pattern> threads() {
        return threads;
    }

    /**
     * Whether the test accepts a blocking call or stall with this stack: all blocking is allowed, or it was
     * made inside an allowed method.
     */
    boolean accepts(List<String> stack) {
        return allowAll || allowedMethods.stream().anyMatch(method -> method.isOn(stack));
    }

    /** A method inside which blocking is accepted: all overloads, and everything they call. */
    private record AllowedMethod(String className, String methodName) {

        /** {@code Class#method}, checked like the agent's {@code allow} option. */
        static AllowedMethod parse(String text) {
            int hash = text.indexOf('#');
            if (hash <= 0 || hash == text.length() - 1 || text.indexOf('#', hash + 1) >= 0) {
                throw new ExtensionConfigurationException("@NoBlocking(allow = \"" + text + "\"): not of the form"
                        + " Class#method (for example com.acme.LegacyClient#fetch)");
            }
            return new AllowedMethod(text.substring(0, hash).trim(), text.substring(hash + 1).trim());
        }

        /** Whether this method is on the stack: the call was made inside it. */
        boolean isOn(List<String> stack) {
            for (String frame : stack) {
                int open = frame.indexOf('(');
                String qualified = open < 0 ? frame : frame.substring(0, open);
                qualified = qualified.substring(qualified.lastIndexOf('/') + 1); // module and loader prefixes
                int dot = qualified.lastIndexOf('.');
                if (dot > 0 && qualified.substring(dot + 1).equals(methodName)
                        && qualified.substring(0, dot).equals(className)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Pattern parseThreads(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ExtensionConfigurationException("@NoBlocking(threads = \"" + regex + "\"): not a valid"
                    + " regular expression: " + e.getDescription());
        }
    }
}
