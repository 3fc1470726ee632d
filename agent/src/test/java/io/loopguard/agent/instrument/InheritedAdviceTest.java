package io.loopguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InheritedAdviceTest {
    private static final String API = internalName(Api.class);
    private static final PlannedAdvice AWAIT = new PlannedAdvice(BlockingCallAdvice.class, List.of("await"),
            PlannedAdvice.ANY_PARAMETERS, 60);
    private final InheritedAdvice inherited = new InheritedAdvice(Map.of(API, List.of(AWAIT)));

    interface Api {
        void await();
    }

    abstract static class Base implements Api {
    }

    static final class Implementation extends Base {
        @Override
        public void await() {
        }
    }

    static final class Unrelated {
        public void await() {
        }
    }

    @Test
    void theTypeAndItsSubtypesGetTheAdviceWhateverTheDepth() throws IOException {
        assertEquals(List.of(AWAIT), advices(Api.class));
        assertEquals(List.of(AWAIT), advices(Base.class));
        assertEquals(List.of(AWAIT), advices(Implementation.class));
    }

    @Test
    void aClassOfTheSamePackagesThatIsNoSubtypeGetsNone() throws IOException {
        assertEquals(List.of(), advices(Unrelated.class));
    }

    @Test
    void aLoadedClassIsJudgedByItsLoadedSupertypesWithoutItsClassFile() {
        assertTrue(inherited.appliesTo(Api.class));
        assertTrue(inherited.appliesTo(Implementation.class));
        assertFalse(inherited.appliesTo(Unrelated.class));
        assertFalse(inherited.appliesTo(String.class));
    }

    @Test
    void onlyTheFrameworksOwnPackagesAreLookedAtRelocatedOrNot() {
        assertTrue(inherited.mayApply("io/loopguard/agent/Anything"));
        assertTrue(inherited.mayApply("com/acme/shaded/io/loopguard/agent/Anything"));
        assertFalse(inherited.mayApply("com/acme/Implementation"));
        assertFalse(inherited.mayApply("java/util/concurrent/Future"));
    }

    private List<PlannedAdvice> advices(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + internalName(type) + ".class")) {
            return inherited.forClass(getClass().getClassLoader(), internalName(type), in.readAllBytes());
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
