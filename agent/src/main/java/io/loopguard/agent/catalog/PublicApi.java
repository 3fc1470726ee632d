package io.loopguard.agent.catalog;

import io.loopguard.agent.common.ClassOrigin;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The names application code writes for the JDK methods a stack shows: a frame of an internal class
 * ({@code jdk.internal.net.http.HttpClientFacade.send}) is named by the first public, exported type that
 * declares the method ({@code java.net.http.HttpClient.send}), and a method that ends in a catalogued
 * operation by its {@link PublicEntrances public entrance} ({@code java.util.concurrent.BlockingQueue.take}).
 */
public final class PublicApi {
    /** Distinct names kept; past this many, names are worked out each time (correct, slower). */
    private static final int MAX_KEPT = 4096;
    private static final Map<String, String> METHOD_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, String> OPERATION_NAMES = new ConcurrentHashMap<>();
    private static final List<PublicEntrances.Entrance> ENTRANCES = PublicEntrances.all();

    private PublicApi() {
    }

    /**
     * {@code method} ({@code Class.method}, as a stack frame names it) as the application calls it: for a JDK
     * class that is not public API, the first public type of its supertypes in an exported package that
     * declares a public method of that name; else {@code method} itself.
     */
    public static String method(String method) {
        return kept(METHOD_NAMES, method, () -> {
            int dot = method.lastIndexOf('.');
            String className = method.substring(0, dot);
            String methodName = method.substring(dot + 1);
            Class<?> type = ClassOrigin.isJdk(className) ? jdkClass(className) : null;
            Class<?> declaring = type == null ? null : firstPublicDeclaring(type, methodName);
            return declaring == null ? method : declaring.getName() + "." + methodName;
        });
    }

    /**
     * The name dashboards show for a blocking call of {@code operation} reached through {@code via} (a method
     * the application called, or {@code null}): the public entrance {@code via} is, when it is one of the
     * operation's ({@code java.util.concurrent.CompletableFuture.join} for {@code CompletableFuture.waitingGet}),
     * else the operation. A bounded set of names: the catalogue's and its entrances'.
     */
    public static String operation(String operation, String via) {
        if (via == null) {
            return operation;
        }
        return kept(OPERATION_NAMES, operation + " " + via, () -> {
            int dot = via.lastIndexOf('.');
            String className = via.substring(0, dot);
            String methodName = via.substring(dot + 1);
            Class<?> type = ClassOrigin.isJdk(className) ? jdkClass(className) : null;
            for (PublicEntrances.Entrance entrance : ENTRANCES) {
                if (type != null && entrance.operation().equals(operation) && entrance.methodName().equals(methodName)) {
                    Class<?> entranceType = jdkClass(entrance.className());
                    if (entranceType != null && entranceType.isAssignableFrom(type)) {
                        return entrance.className() + "." + entrance.methodName();
                    }
                }
            }
            return operation;
        });
    }

    private static String kept(Map<String, String> names, String key, Supplier<String> name) {
        String known = names.get(key);
        if (known != null) {
            return known;
        }
        String worked = name.get();
        if (names.size() < MAX_KEPT) {
            names.putIfAbsent(key, worked);
        }
        return worked;
    }

    private static Class<?> firstPublicDeclaring(Class<?> type, String methodName) {
        Deque<Class<?>> toVisit = new ArrayDeque<>();
        toVisit.add(type);
        while (!toVisit.isEmpty()) {
            Class<?> next = toVisit.poll();
            if (isPublicApi(next) && declaresPublic(next, methodName)) {
                return next;
            }
            if (next.getSuperclass() != null) {
                toVisit.add(next.getSuperclass());
            }
            toVisit.addAll(List.of(next.getInterfaces()));
        }
        return null;
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> enclosing = type; enclosing != null; enclosing = enclosing.getDeclaringClass()) {
            if (!Modifier.isPublic(enclosing.getModifiers())) {
                return false;
            }
        }
        return type.getModule().isExported(type.getPackageName());
    }

    private static boolean declaresPublic(Class<?> type, String methodName) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(methodName) && Modifier.isPublic(method.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /** The JDK class of that name, or {@code null}: a generated class (a lambda's) has none to load. */
    private static Class<?> jdkClass(String className) {
        try {
            // The platform loader finds the JDK's classes outside the bootstrap loader too (java.net.http).
            return Class.forName(className, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
            return null;
        }
    }
}
