package io.loopguard.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodRefTest {

    @Test
    void readsClassAndMethod() {
        MethodRef method = MethodRef.parse("com.acme.Pool$Worker#run");
        assertEquals("com.acme.Pool$Worker", method.className());
        assertEquals("run", method.methodName());
        assertEquals("com/acme/Pool$Worker", method.internalClassName());
    }

    @Test
    void trimsSpacesAroundEitherPart() {
        assertEquals(new MethodRef("com.acme.Client", "fetch"), MethodRef.parse(" com.acme.Client # fetch "));
    }

    @Test
    void writesItselfTheWayItIsRead() {
        MethodRef method = new MethodRef("com.acme.Client", "fetch");
        assertEquals("com.acme.Client#fetch", method.toString());
        assertEquals(method, MethodRef.parse(method.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.acme.Client", "#fetch", "com.acme.Client#", "a#b#c", ""})
    void refusesWhatIsNotClassHashMethodWithAnExample(String text) {
        String message = assertThrows(IllegalArgumentException.class, () -> MethodRef.parse(text)).getMessage();
        assertTrue(message.startsWith("'" + text + "' is not of the form Class#method"), message);
        assertTrue(message.contains("for example com.acme.LegacyClient#fetch"), message);
    }
}
