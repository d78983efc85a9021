package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void codesAreDistinctAndListedInOrder() {
        assertEquals(ExitCode.values().length,
                Arrays.stream(ExitCode.values()).map(ExitCode::code).collect(Collectors.toSet()).size());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"),
                List.copyOf(ExitCode.helpList(EnumSet.allOf(ExitCode.class)).keySet()));
        assertEquals(List.of("0", "3"),
                List.copyOf(ExitCode.helpList(Set.of(ExitCode.NOT_FOUND, ExitCode.OK)).keySet()),
                "only the codes asked for, in order");
    }
}
