package io.loopguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstrumenterTest {
    /** Sixteen loaded classes with advice planned by name; the JVM refuses to retransform one of them. */
    private static final List<Class<?>> PLANNED = List.of(Integer.class, Long.class, Short.class, Byte.class,
            Double.class, Float.class, Character.class, Boolean.class, StringBuilder.class, StringBuffer.class,
            Math.class, StrictMath.class, Runtime.class, System.class, Objects.class, Optional.class);
    private static final Class<?> REFUSED = Math.class;

    private final List<List<Class<?>>> batches = new ArrayList<>();
    private final Set<Class<?>> retransformed = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void aClassTheJvmCannotRetransformCostsTheOthersNeitherTheirProbesNorABatchEach() {
        new Instrumenter(jvmRefusing(REFUSED), new AgentTransformer(Map.of(), null), "off",
                problems::add)
                .timeLoops(PLANNED.stream().map(type -> new MethodRef(type.getName(), "toString")).toList(), List.of())
                .install(List.of(), FrameworkDescription.merge(List.of()), Map.of());

        Set<Class<?>> others = new HashSet<>(PLANNED);
        others.remove(REFUSED);
        assertEquals(others, retransformed);
        assertEquals(List.of("could not instrument java.lang.Math (java.lang.InternalError: class redefinition"
                + " failed: invalid class)"), problems);
        // One batch, then halves down to the refused class: 1 + 2 * log2(16), where one batch per class took 17.
        assertTrue(batches.size() <= 9, batches.toString());
    }

    /** A JVM whose loaded classes are {@link #PLANNED}, and which retransforms a batch only if it lacks {@code refused}. */
    private Instrumentation jvmRefusing(Class<?> refused) {
        return (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Instrumentation.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getAllLoadedClasses" -> PLANNED.toArray(Class<?>[]::new);
                    case "isModifiableClass" -> true;
                    case "retransformClasses" -> {
                        List<Class<?>> batch = Arrays.asList((Class<?>[]) arguments[0]);
                        batches.add(batch);
                        if (batch.contains(refused)) {
                            throw new InternalError("class redefinition failed: invalid class");
                        }
                        retransformed.addAll(batch);
                        yield null;
                    }
                    default -> null;
                });
    }
}
