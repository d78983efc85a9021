package io.prompd.client.scaffold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.prompd.core.name.PackageName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScaffoldTest {

    @Test
    void theFilesPlannedStayAsPlannedWhateverTheCallerOrAReaderDoesWithTheirBytes() {
        byte[] given = "{}".getBytes(StandardCharsets.UTF_8);
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put("prompd.json", given);
        Scaffold scaffold = new Scaffold(PackageName.parse("x"), files, List.of());

        given[0] = 'X';
        scaffold.files().get("prompd.json")[1] = 'X';

        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), scaffold.files().get("prompd.json"));
    }
}
