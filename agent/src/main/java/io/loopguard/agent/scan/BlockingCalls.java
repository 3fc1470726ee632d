package io.loopguard.agent.scan;

import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.PublicEntrances.Entrance;
import io.loopguard.agent.catalog.PublicEntrances;
import io.loopguard.agent.frameworks.BlockingMethod;
import io.loopguard.agent.frameworks.FrameworkDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which calls block: those of the catalogue's {@link PublicEntrances} and of each framework's own blocking methods,
 * on the type they name or any subtype.
 */
final class BlockingCalls {
    /** Entrances by method name, with their class in internal form. */
    private final Map<String, List<Entrance>> entrances = new HashMap<>();
    private final Program program;

    /** The advice for a call of a framework's blocking method, by its name as a report shows it. */
    private final Map<String, String> frameworkHints = new HashMap<>();

    BlockingCalls(Program program, FrameworkDescription frameworks) {
        this.program = program;
        for (Entrance entrance : PublicEntrances.all()) {
            add(new Entrance(entrance.className().replace('.', '/'), entrance.methodName(), entrance.parameterCount(),
                    entrance.operation()));
        }
        for (BlockingMethod blocking : frameworks.blockingMethods()) {
            add(new Entrance(blocking.method().internalClassName(), blocking.method().methodName(),
                    BlockingOperation.ANY_PARAMETERS, null));
            frameworkHints.put(blocking.name(), blocking.hint());
        }
    }

    private void add(Entrance entrance) {
        entrances.computeIfAbsent(entrance.methodName(), name -> new ArrayList<>()).add(entrance);
    }

    /** The blocking operation {@code call} makes, or null when it makes none the scan knows. */
    BlockingCall match(CallSite call) {
        List<Entrance> candidates = entrances.get(call.name());
        if (candidates == null) {
            return null;
        }
        for (Entrance entrance : candidates) {
            if ((entrance.parameterCount() == BlockingOperation.ANY_PARAMETERS
                    || entrance.parameterCount() == call.parameterCount())
                    && program.supertypes(call.owner()).contains(entrance.className())) {
                String called = entrance.className().replace('/', '.') + "." + call.name();
                if (entrance.operation() == null) {
                    return new BlockingCall(called, called, frameworkHints.get(called));
                }
                return new BlockingCall(called, entrance.operation(),
                        PublicEntrances.operation(entrance.operation()).remedy().hint());
            }
        }
        return null;
    }

    /**
     * A blocking call: the method called ({@code java.sql.Statement.executeQuery}), the catalogued operation it
     * ends in ({@code java.net.Socket$SocketInputStream.read}), and the advice, as the agent gives it.
     */
    record BlockingCall(String method, String operation, String hint) {
    }
}
