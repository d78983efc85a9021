package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TablesTest {

    @Test
    void columnsArePaddedToTheirWidestCellWithoutTrailingSpaces() {
        assertEquals("""
                package     current
                @acme/a     1.0.0
                @acme/base  10.2.0-beta.1
                """, Tables.render(List.of(
                List.of("package", "current"), List.of("@acme/a", "1.0.0"), List.of("@acme/base", "10.2.0-beta.1"))));
    }

    @Test
    void anEmptyColumnTakesNoRoom() {
        assertEquals("1.0.0  2026-01-01\n1.1.0  2026-01-02  yanked: typo\n", Tables.render(List.of(
                List.of("1.0.0", "2026-01-01", ""), List.of("1.1.0", "2026-01-02", "yanked: typo"))));
        assertEquals("a\nb\n", Tables.render(List.of(List.of("a", ""), List.of("b", ""))));
    }
}
