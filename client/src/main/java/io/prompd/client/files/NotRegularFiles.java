package io.prompd.client.files;

import io.prompd.core.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names what stands where prompd reads a file and finds no regular file: a named pipe waits for a writer, a terminal
 * ({@code /dev/stdin}) for typing, and a device such as {@code /dev/zero} never ends, so a run reading one hangs
 * without a word, and a write replacing one would put a file where a device was ({@code /dev/null}, for root).
 *
 * <p>The kind is asked of the path, links followed, before the file is opened: Java opens no file without waiting on a
 * pipe (it has no {@code O_NONBLOCK}) and cannot ask an opened channel what it is (no {@code fstat}).
 */
public final class NotRegularFiles {

    /**
     * Its mode's file type bits ({@code S_IFMT}) and the types that are no regular file, as {@code stat(2)} gives
     * them on Linux and macOS.
     */
    private static final int TYPE_BITS = 0170000;
    private static final int PIPE = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private NotRegularFiles() {
    }

    /**
     * What the file is, for a message that goes on {@code "… is "}: {@code "a link to /dev/zero, a character device,
     * not a regular file"}, as much of it as the system tells.
     *
     * @param attributes the file's, links followed, which say it is no regular file
     */
    public static String described(Path file, BasicFileAttributes attributes) {
        String what = Stream.of(linkedTo(file), kindOf(file, attributes)).flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
        return (what.isEmpty() ? "" : what + ", ") + "not a regular file";
    }

    /**
     * "a link to /dev/zero" when links led elsewhere, which is where to look; empty when the path leads to itself, or
     * to nothing a path names (a pipe of {@code /proc/self/fd}).
     */
    private static Optional<String> linkedTo(Path file) {
        try {
            Path real = file.toRealPath();
            return real.equals(file.toAbsolutePath().normalize()) ? Optional.empty()
                    : Optional.of("a link to " + TerminalText.path(real.toString()));
        } catch (IOException | SecurityException nameless) {
            return Optional.empty();
        }
    }

    /** What the file is, as {@code stat(2)} tells; empty where the system gives no Unix mode to tell it by. */
    private static Optional<String> kindOf(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return Optional.of("a folder");
        }
        int type;
        try {
            type = (Integer) Files.getAttribute(file, "unix:mode") & TYPE_BITS;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noUnixMode) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (type) {
            case PIPE -> "a pipe (FIFO)";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> null;
        });
    }
}
