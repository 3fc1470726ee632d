package io.loopguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options table in {@code docs/options.md} is the list of options in the code, row for row. */
class OptionsDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "options.md");
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theDocsTableIsTheListOfOptions() throws IOException {
        List<String> documented = Files.readAllLines(DOCS).stream().filter(line -> line.startsWith("|")).toList();
        List<String> declared = table();
        assertEquals(String.join("\n", declared), String.join("\n", documented),
                "docs/options.md must hold exactly this table, made from KnownOptions:\n" + String.join("\n", declared));
    }

    @Test
    void theReadmeLinksToIt() throws IOException {
        assertTrue(Files.readString(README).contains("(docs/options.md)"), "README.md links to docs/options.md");
    }

    @Test
    void everyRowHasFourCells() {
        for (String row : table()) {
            assertEquals(5, row.split("\\|", -1).length - 1, "a '|' inside a cell breaks the table: " + row);
        }
    }

    private static List<String> table() {
        List<String> rows = new ArrayList<>(List.of("| option | values | default | what it does |", "|---|---|---|---|"));
        for (Option<?> option : KnownOptions.ALL) {
            rows.add("| `" + option.key() + "` | " + option.values() + " | " + option.defaultText() + " | "
                    + option.description() + " |");
        }
        return rows;
    }
}
