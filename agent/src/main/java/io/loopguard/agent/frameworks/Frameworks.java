package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.LoopguardIntegration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Everything Loopguard knows about frameworks, read through one path: the built-in descriptions first, then
 * each integration that {@link ServiceLoader} finds on the application's class path.
 */
public final class Frameworks {

    /** Loopguard's own knowledge; adding a framework is adding its file here. */
    static final List<LoopguardIntegration> BUILT_IN = List.of(new Netty(), new Reactor(), new RxJava(),
            new Vertx(), new KotlinCoroutines(), new Jdk(), new LoopguardApi());

    private Frameworks() {
    }

    /**
     * The built-in descriptions merged with those of the integrations {@code loader} sees.
     *
     * @param messages receives one line per integration found: what it adds, or why it cannot be read (then it
     *                 adds nothing, and the others still count)
     */
    public static FrameworkDescription load(ClassLoader loader, Consumer<String> messages) {
        List<FrameworkDescription> descriptions = new ArrayList<>();
        for (LoopguardIntegration builtIn : BUILT_IN) {
            read(builtIn, messages, descriptions, false);
        }
        Iterator<LoopguardIntegration> found = ServiceLoader.load(LoopguardIntegration.class, loader).iterator();
        while (true) {
            LoopguardIntegration integration;
            try {
                if (!found.hasNext()) {
                    break;
                }
                integration = found.next();
            } catch (ServiceConfigurationError | LinkageError broken) {
                messages.accept("an integration listed in META-INF/services/" + LoopguardIntegration.class.getName()
                        + " cannot be loaded (" + broken.getMessage() + "); it is ignored");
                continue;
            }
            read(integration, messages, descriptions, true);
        }
        return FrameworkDescription.merge(descriptions);
    }

    /** What {@code integration} declares, all or nothing: a half-read integration would mislead. */
    static FrameworkDescription describe(LoopguardIntegration integration) {
        DescriptionBuilder builder = new DescriptionBuilder();
        integration.describe(builder);
        return builder.build();
    }

    private static void read(LoopguardIntegration integration, Consumer<String> messages,
                             List<FrameworkDescription> descriptions, boolean announce) {
        String name = integration.getClass().getName();
        try {
            FrameworkDescription description = describe(integration);
            descriptions.add(description);
            if (announce) {
                messages.accept("integration " + name + " adds " + description.summary());
            }
        } catch (RuntimeException | LinkageError broken) {
            messages.accept("integration " + name + ": " + broken.getMessage() + "; it is ignored");
        }
    }
}
