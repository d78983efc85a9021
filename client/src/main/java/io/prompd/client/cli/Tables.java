package io.prompd.client.cli;

import io.prompd.cli.DisplayWidth;
import io.prompd.core.TerminalText;
import java.util.List;

/**
 * Plain-text tables: columns padded to their widest cell, two spaces apart, no trailing spaces. Widths are the
 * terminal's ({@link DisplayWidth}), not the strings' lengths: a name in 漢字 or with an accent written as a mark
 * would otherwise push the columns after it out of line.
 */
final class Tables {

    private Tables() {
    }

    /**
     * @param rawRows the header first when the table has one, then the rows; every row as long as the
     *             first. A cell is one line, and may quote a registry: its control characters are spelt out
     */
    static String render(List<List<String>> rawRows) {
        List<List<String>> rows = rawRows.stream().map(row -> row.stream().map(TerminalText::line).toList()).toList();
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], DisplayWidth.of(row.get(column)));
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                String cell = row.get(column);
                line.append(column == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[column] - DisplayWidth.of(cell)));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
