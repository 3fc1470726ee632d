package io.loopguard.agent.integration;

import io.loopguard.agent.threads.MethodRef;
import io.loopguard.api.spi.LoopguardIntegration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Reads the SPI's implementations. The only class that names the API's types: it is loaded only once
 * {@link Integrations} has seen that loopguard-api is there.
 */
final class ServiceLoadedIntegrations {

    private ServiceLoadedIntegrations() {
    }

    static Integrations read(ClassLoader loader, Consumer<String> messages) {
        List<String> types = new ArrayList<>();
        List<MethodRef> eventLoops = new ArrayList<>();
        List<MethodRef> allowed = new ArrayList<>();
        Iterator<LoopguardIntegration> found = ServiceLoader.load(LoopguardIntegration.class, loader).iterator();
        while (true) {
            LoopguardIntegration integration;
            try {
                if (!found.hasNext()) {
                    break;
                }
                integration = found.next();
            } catch (ServiceConfigurationError | LinkageError broken) {
                messages.accept("an integration listed in META-INF/services/" + Integrations.SPI
                        + " cannot be loaded (" + broken.getMessage() + "); it is ignored");
                continue;
            }
            try {
                // All of an integration, or nothing of it: a half-read integration would mislead.
                List<String> itsTypes = List.copyOf(integration.nonBlockingThreadTypes());
                List<MethodRef> itsEventLoops = methods(integration.eventLoopMethods());
                List<MethodRef> itsAllowed = methods(integration.allowedMethods());
                types.addAll(itsTypes);
                eventLoops.addAll(itsEventLoops);
                allowed.addAll(itsAllowed);
                messages.accept("integration " + integration.getClass().getName() + " adds "
                        + count(itsTypes, "thread type") + ", " + count(itsEventLoops, "event-loop method") + ", "
                        + count(itsAllowed, "allowed method"));
            } catch (RuntimeException | LinkageError broken) {
                messages.accept("integration " + integration.getClass().getName() + ": " + broken.getMessage()
                        + "; it is ignored");
            }
        }
        return new Integrations(List.copyOf(types), List.copyOf(eventLoops), List.copyOf(allowed));
    }

    private static String count(List<?> items, String noun) {
        return items.size() + " " + noun + (items.size() == 1 ? "" : "s");
    }

    private static List<MethodRef> methods(List<String> written) {
        return written.stream().map(MethodRef::parse).toList();
    }
}
