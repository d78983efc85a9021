package io.prompd.cli;

import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Picocli's help, with its lines broken at spaces only. Picocli wraps where Java's line {@link java.text.BreakIterator}
 * allows a break, which is after a '.' before a letter, a ':' or a '-' too: it keeps a '-' whole, but splits a file
 * name (prompd. / json), a path ($HOME/. / prompd) or a URL (file: / //) across two lines at one width or another,
 * which a screen reader reads out as two words and a reader cannot paste. It has no setting to stop that, and makes
 * every table of the help in methods of its own, so this help makes each of them {@link WholeWordTable}s, otherwise
 * as picocli lays them out: the description, header and footer, the synopsis, the lists of options, parameters,
 * commands and exit codes.
 */
final class WholeWordHelp extends Help {

    /** Picocli's cap on the indent of a synopsis's lines, as a share of the width (a constant of its own, private). */
    private static final double MAX_SYNOPSIS_AUTO_INDENT_THRESHOLD = 0.9;

    WholeWordHelp(CommandSpec commandSpec, ColorScheme colorScheme) {
        super(commandSpec, colorScheme);
    }

    @Override
    public String description(Object... params) {
        return lines(usage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return lines(usage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return lines(usage().footer(), params);
    }

    /** The lines, each wrapped to the width, as picocli joins a description. */
    private String lines(String[] lines, Object... params) {
        if (lines == null) {
            return "";
        }
        TextTable table = table(defaultColorScheme(ansi()), new Column(usage().width(), 0, Column.Overflow.WRAP));
        table.indentWrappedLines = 0;
        for (String line : lines) {
            table.addRowValues(format(line, params));
        }
        return table.toString();
    }

    @Override
    protected String insertSynopsisCommandName(int synopsisHeadingLength, Ansi.Text details) {
        String commandName = commandSpec().qualifiedName();
        int width = usage().width();
        int indent = synopsisHeadingLength + commandName.length() + 1;
        if (indent > usage().synopsisAutoIndentThreshold() * width) {
            indent = usage().synopsisIndent() < 0 ? synopsisHeadingLength : usage().synopsisIndent();
            indent = Math.min(indent, (int) (MAX_SYNOPSIS_AUTO_INDENT_THRESHOLD * width));
        }
        TextTable table = table(colorScheme(), new Column(width, 0, Column.Overflow.WRAP));
        table.indentWrappedLines = indent;
        // the heading's room, cut off again below, so that the first line wraps as the heading leaves it
        Ansi.Text padding = Ansi.OFF.new Text("X".repeat(synopsisHeadingLength), colorScheme());
        table.addRowValues(padding.concat(colorScheme().commandText(commandName)).concat(details));
        return table.toString().substring(synopsisHeadingLength);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                      ColorScheme scheme) {
        Layout layout = super.createDefaultLayout(options, positionals, scheme);
        return new Layout(scheme, like(layout.textTable(), scheme), layout.optionRenderer(),
                layout.parameterRenderer());
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        TextTable table = like(super.createTextTable(map), defaultColorScheme(ansi()));
        map.forEach((key, value) -> table.addRowValues(format(String.valueOf(key)), format(String.valueOf(value))));
        return table;
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int width = usage().width();
        int commandLength = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0),
                width / 2);
        TextTable table = table(defaultColorScheme(ansi()),
                new Column(commandLength + 2, 2, Column.Overflow.SPAN),
                new Column(width - (commandLength + 2), 2, Column.Overflow.WRAP));
        subcommands.values().forEach(help -> {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            Ansi.Text[] lines = colorScheme().text(format(summary.length > 0 ? summary[0] : "")).splitLines();
            for (int index = 0; index < lines.length; index++) {
                table.addRowValues(index == 0 ? help.commandNamesText(", ") : Ansi.OFF.new Text(0), lines[index]);
            }
        });
        return table.toString();
    }

    private UsageMessageSpec usage() {
        return commandSpec().usageMessage();
    }

    private WholeWordTable table(ColorScheme scheme, Column... columns) {
        WholeWordTable table = new WholeWordTable(scheme, columns);
        table.setAdjustLineBreaksForWideCJKCharacters(usage().adjustLineBreaksForWideCJKCharacters());
        return table;
    }

    /** An empty table of the same columns and indents as {@code layout}, which picocli made. */
    private WholeWordTable like(TextTable layout, ColorScheme scheme) {
        WholeWordTable table = table(scheme, layout.columns());
        table.indentWrappedLines = layout.indentWrappedLines;
        return table;
    }

    /** The line with its format specifiers ({@code %n}) filled in; as written, as picocli leaves it, if it has none. */
    private static String format(String line, Object... params) {
        try {
            return line == null ? "" : String.format(line, params);
        } catch (IllegalFormatException notAFormat) {
            return line;
        }
    }

    /** A table whose wrapped columns break lines at spaces only, where picocli's break at a '.', ':' or '/' too. */
    static final class WholeWordTable extends TextTable {

        WholeWordTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
        }

        /**
         * Writes a value into a wrapping column as picocli does, a word and the spaces after it at a time, moving to
         * the next row when the next one does not fit: but a word runs from a space to the next, so no line ends
         * inside one. A word wider than the column is cut at its edge, as picocli cuts one. Other columns are
         * picocli's.
         */
        @Override
        public Cell putValue(int row, int col, Ansi.Text value) {
            Column column = columns()[col];
            if (column.overflow != Column.Overflow.WRAP || value == null || value.plainString().isEmpty()) {
                return super.putValue(row, col, value);
            }
            int at = row;
            int indent = column.indent;
            Ansi.Text rest = value;
            while (true) {
                int fits = fitting(rest, column.width - indent);
                write(at, col, indent, rest.substring(0, fits));
                rest = rest.substring(fits);
                if (rest.plainString().isEmpty()) {
                    return new Cell(col, at);
                }
                indent = column.indent + indentWrappedLines;
                addEmptyRow();
                at++;
            }
        }

        /** How many characters of the text's first words, each with the spaces after it, fit in {@code room}. */
        private int fitting(Ansi.Text text, int room) {
            String plain = text.plainString();
            int fits = 0;
            int used = 0;
            for (int end = wordEnd(plain, 0); end > fits; end = wordEnd(plain, end)) {
                int width = columnsOf(text.substring(fits, end));
                if (used + width > room) {
                    break;
                }
                used += width;
                fits = end;
            }
            // a word wider than the whole room: as much of it as fits, and at least a character, to go on
            return fits > 0 ? fits : Math.max(1, Math.min(plain.length(), room));
        }

        /** Where the word starting at {@code start} ends, the spaces after it included. */
        private static int wordEnd(String plain, int start) {
            int end = start;
            while (end < plain.length() && !Character.isWhitespace(plain.charAt(end))) {
                end++;
            }
            while (end < plain.length() && Character.isWhitespace(plain.charAt(end))) {
                end++;
            }
            return end;
        }

        private int columnsOf(Ansi.Text text) {
            return isAdjustLineBreaksForWideCJKCharacters() ? text.getCJKAdjustedLength() : text.plainString().length();
        }

        /** Puts {@code text} in the cell after what it holds, from {@code indent} on, keeping its styles. */
        private void write(int row, int col, int indent, Ansi.Text text) {
            Ansi.Text cell = textAt(row, col);
            int filled = cell.plainString().length();
            columnValues.set(col + row * columns().length,
                    cell.concat(" ".repeat(Math.max(0, indent - filled))).concat(text));
        }
    }
}
