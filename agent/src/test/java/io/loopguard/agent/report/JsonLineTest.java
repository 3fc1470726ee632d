package io.loopguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Any text makes one line of valid JSON that encodes to UTF-8, and reads back as the same text where it can. */
class JsonLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote \" and backslash \\ and slash /", "line\nbreak\rreturn\ttab",
        "\u0000\u0001\u001f\u007f control", "ünïcödé 日本 emoji \uD83D\uDE00", "\u2028\u2029 separators", ""})
    void textReadsBackUnchanged(String text) throws Exception {
        String line = JsonLine.of(Map.of("thread", text));
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
        encodesToUtf8(line);
        assertEquals(text, JSON.readTree(line).path("thread").asText());
    }

    @Test
    void controlCharactersAreEscapedAsUnicode() {
        assertEquals("{\"a\":\"\\u0000\\u001f\\b\"}".replace("\\b", "\\u0008"), JsonLine.of(Map.of("a", "\u0000\u001f\b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "lone high \uD83D at the end \uD83D", "lone low \uDE00 here", "reversed \uDE00\uD83D"})
    void aLoneSurrogateBecomesTheReplacementCharacter(String text) throws Exception {
        String line = JsonLine.of(Map.of("thread", text));
        encodesToUtf8(line);
        String read = JSON.readTree(line).path("thread").asText();
        assertEquals(text.replaceAll("[\\uD800-\\uDFFF]", "\uFFFD"), read);
    }

    @Test
    void numbersBooleansAndListsKeepTheirTypesAndOrder() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "stall");
        fields.put("durationMillis", 512L);
        fields.put("stack", List.of("a.B.c(B.java:1)", "d\"e"));
        fields.put("warmup", true);
        String line = JsonLine.of(fields);
        assertEquals("{\"type\":\"stall\",\"durationMillis\":512,\"stack\":[\"a.B.c(B.java:1)\",\"d\\\"e\"],"
                + "\"warmup\":true}", line);
        JsonNode node = JSON.readTree(line);
        assertEquals(512, node.path("durationMillis").asLong());
        assertEquals(2, node.path("stack").size());
    }

    private static void encodesToUtf8(String line) throws CharacterCodingException {
        StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(line)); // throws on a lone surrogate
    }
}
