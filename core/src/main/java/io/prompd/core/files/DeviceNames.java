package io.prompd.core.files;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The names Windows reserves for devices in every folder: a file or folder so named cannot be created there, or
 * writing it talks to the device. The package paths and the package names (which become folders) share them.
 */
public final class DeviceNames {

    /**
     * What follows COM and LPT: the digits, and the superscripts ¹, ² and ³, which Windows reads as digits there
     * (Microsoft's "Naming Files, Paths, and Namespaces").
     */
    private static final String PORT_NUMBERS = "0123456789\u00B9\u00B2\u00B3";
    /** Upper case; CONIN$ and CONOUT$ are the console's input and output. */
    private static final Set<String> RESERVED = Stream.concat(
            Stream.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"),
            Stream.of("COM", "LPT").flatMap(port -> PORT_NUMBERS.chars().mapToObj(number -> port + (char) number)))
            .collect(Collectors.toUnmodifiableSet());
    private static final int LONGEST = RESERVED.stream().mapToInt(String::length).max().orElseThrow();

    private DeviceNames() {
    }

    /**
     * Whether the file or folder name is a device's in any letter case, with or without an extension: Windows takes
     * {@code con.txt} and {@code con.tar.gz} for {@code con}, and drops the spaces between the device's name and the
     * extension, so {@code CON .md} and {@code aux  .txt} too, as Git for Windows refuses them.
     */
    public static boolean isReserved(String name) {
        int dot = name.indexOf('.');
        int end = dot < 0 ? name.length() : dot;
        while (end > 0 && name.charAt(end - 1) == ' ') {
            end--;
        }
        // asked of every file of every version a build reads, most too long to be one (upper case is never shorter)
        return end <= LONGEST && RESERVED.contains(name.substring(0, end).toUpperCase(Locale.ROOT));
    }
}
