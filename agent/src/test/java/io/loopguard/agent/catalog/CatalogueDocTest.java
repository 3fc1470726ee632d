package io.loopguard.agent.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/catalogue.md lists exactly the operations of the {@link Catalog}, each once. */
class CatalogueDocTest {
    /** A row of the table: its first cell is the operation, as reports name it. */
    private static final Pattern ROW = Pattern.compile("^\\| `([\\w.$]+)` \\|", Pattern.MULTILINE);

    @Test
    void theDocumentedOperationsAreTheCataloguedOnes() throws IOException {
        Path doc = Path.of("..", "docs", "catalogue.md");
        Matcher rows = ROW.matcher(Files.readString(doc));
        List<String> documented = rows.results().map(row -> row.group(1)).sorted().toList();
        List<String> catalogued = Catalog.OPERATIONS.stream().map(BlockingOperation::name).sorted().toList();
        assertEquals(catalogued, documented, doc + " must have one row per operation of Catalog.OPERATIONS");
    }
}
