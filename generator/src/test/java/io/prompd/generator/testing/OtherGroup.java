package io.prompd.generator.testing;

import io.prompd.core.testing.Unavailable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives a file to another group than its own, as an operator gives the output folder to a web server's
 * ({@code chgrp www-data out}).
 */
public final class OtherGroup {

    private static final Path STATUS = Path.of("/proc/self/status");

    private OtherGroup() {
    }

    /**
     * Gives the file to another group and returns that group: one of the process's supplementary groups, which its
     * owner may give it to without being root (as a CI runner's user is in docker's or adm), else the next number,
     * which only root may. Where neither is allowed, the test cannot run ({@link Unavailable}).
     */
    public static int give(Path file) throws IOException {
        int own = (int) Files.getAttribute(file, "unix:gid");
        List<Integer> tried = new ArrayList<>(supplementaryGroups().stream().filter(group -> group != own).toList());
        tried.add(own + 1);
        for (int group : tried) {
            try {
                Files.setAttribute(file, "unix:gid", group);
                return group;
            } catch (FileSystemException notAMember) {
                // the next one
            }
        }
        return Unavailable.here("only root, or a member of another group, may give a folder to it; tried " + tried);
    }

    /** The process's supplementary groups, from the Groups: line of /proc/self/status; none where there is none. */
    private static List<Integer> supplementaryGroups() throws IOException {
        if (!Files.isReadable(STATUS)) {
            return List.of();
        }
        return Files.readAllLines(STATUS, StandardCharsets.US_ASCII).stream()
                .filter(line -> line.startsWith("Groups:"))
                .flatMap(line -> Stream.of(line.substring("Groups:".length()).trim().split("\\s+")))
                .filter(group -> !group.isEmpty()).map(Integer::valueOf).toList();
    }
}
