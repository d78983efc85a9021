package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void codesAreDistinctAndListedInOrder() {
        assertEquals(ExitCode.values().length,
                Arrays.stream(ExitCode.values()).map(ExitCode::code).collect(Collectors.toSet()).size());
        assertEquals("0", ExitCode.helpList().keySet().iterator().next());
        assertEquals(ExitCode.values().length, ExitCode.helpList().size());
    }
}
