package io.loopguard.agent.common;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Values by a framework class's published name, found for that name and for its relocated copies
 * ({@link RelocatedNames#find}); a name whose simple name no published one has is passed over with one
 * lookup, which is what almost every class a transformer is handed gets.
 *
 * <p>Self-contained (only JDK types), as it runs inside class-file transformers.
 */
public final class RelocatedNameMap<V> {
    private final Map<String, V> byPublishedName;
    private final Set<String> simpleNames = new HashSet<>();

    /** @param byPublishedName by binary ({@code io.netty.X}) or internal ({@code io/netty/X}) names */
    public RelocatedNameMap(Map<String, V> byPublishedName) {
        this.byPublishedName = Map.copyOf(byPublishedName);
        for (String name : byPublishedName.keySet()) {
            simpleNames.add(simpleName(name));
        }
    }

    /** The value for {@code name}, or for the published name it is a relocated copy of; {@code null} if none. */
    public V find(String name) {
        return simpleNames.contains(simpleName(name)) ? RelocatedNames.find(byPublishedName, name) : null;
    }

    /** {@code NioEventLoop} of {@code io/netty/channel/nio/NioEventLoop} (and of its relocated copies). */
    private static String simpleName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('.')) + 1);
    }
}
