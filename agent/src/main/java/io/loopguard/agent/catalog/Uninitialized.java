package io.loopguard.agent.catalog;

import java.lang.reflect.Field;

/**
 * Instances whose constructor never ran, for self-test exercises: calling a probed method on one makes
 * the probe throw before the method's body reads any field, so no file, socket or process is needed.
 */
final class Uninitialized {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private Uninitialized() {
    }

    /** A bare instance of the named JDK class, seen as {@code type}. */
    static <T> T of(String className, Class<T> type) throws ReflectiveOperationException {
        return type.cast(UNSAFE.allocateInstance(Class.forName(className, false, ClassLoader.getPlatformClassLoader())));
    }

    static <T> T of(Class<T> type) throws ReflectiveOperationException {
        return of(type.getName(), type);
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
