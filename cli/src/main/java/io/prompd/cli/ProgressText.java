package io.prompd.cli;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a {@link ProgressLine} says, made to fit the columns it has: {@code installing [######------] 1/4, 3.0 KiB
 * downloaded}, or {@code building packages: 8/8} without a bar. On a narrow terminal the bar shrinks, then goes, then
 * the details, then the label, so that the counts, what a screen reader has to say, are kept as long as they fit; a
 * line cut at the terminal's width would keep the bar and lose them.
 *
 * @param label   what is going on: {@code installing}
 * @param bar     the part of the work done, drawn as a bar; empty for none
 * @param counts  how far it is: {@code 1/4}, {@code 5 packages read}
 * @param details what else is counted, as it follows the counts: {@code , 3.0 KiB downloaded}; empty for nothing
 */
public record ProgressText(String label, Optional<Done> bar, String counts, String details) {

    /** The widest bar, as wide as cargo's. */
    static final int BAR_WIDTH = 24;

    /** The narrowest bar worth drawing: a narrower one tells little and takes the columns of the details. */
    static final int MIN_BAR_WIDTH = 8;

    public ProgressText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(details, "details");
    }

    /** {@code done} of {@code total} things, as a bar shows it: full when there are none. */
    public record Done(int done, int total) {

        public Done {
            if (done < 0 || done > total) {
                throw new IllegalArgumentException(done + " done of " + total);
            }
        }

        String bar(int width) {
            int filled = total == 0 ? width : width * done / total;
            return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
        }
    }

    /** {@code label: counts}, with no bar and no details. */
    public static ProgressText of(String label, String counts) {
        return new ProgressText(label, Optional.empty(), counts, "");
    }

    /** {@code label [bar] done/total details}: the bar as full as {@code done} is of {@code total}. */
    public static ProgressText of(String label, int done, int total, String details) {
        return new ProgressText(label, Optional.of(new Done(done, total)), done + "/" + total, details);
    }

    /** The text that fits in {@code columns}, as the class comment says; cut there when even the counts do not. */
    public String fitted(int columns) {
        Optional<String> withBar = bar.flatMap(done -> {
            int room = Math.min(BAR_WIDTH, columns - DisplayWidth.of(label + " [] " + counts + details));
            return room < MIN_BAR_WIDTH ? Optional.empty()
                    : Optional.of(label + " " + done.bar(room) + " " + counts + details);
        });
        return withBar.or(() -> Stream.of(label + ": " + counts + details, label + ": " + counts, counts)
                        .filter(text -> DisplayWidth.of(text) <= columns).findFirst())
                .orElseGet(() -> DisplayWidth.cut(counts, columns));
    }
}
