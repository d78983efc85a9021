package io.prompd.client.scaffold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ImportedPromptsTest {

    @Test
    void whatTheCallerChangesAfterwardsNeverReachesIt() {
        byte[] prompt = {'h', 'i'};
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("prompts/a.prmd", prompt);
        SortedMap<String, String> names = new TreeMap<>();
        names.put("a", "prompts/a.prmd");
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        ImportedPrompts imported = new ImportedPrompts(files, names, dependencies, notes);

        prompt[0] = 'H';
        files.put("prompts/b.prmd", new byte[0]);
        names.put("b", "prompts/b.prmd");
        dependencies.put(PackageName.parse("@acme/util"), VersionRange.any());
        notes.add("later");

        assertArrayEquals(new byte[] {'h', 'i'}, imported.files().get("prompts/a.prmd"));
        assertEquals(List.of("prompts/a.prmd"), List.copyOf(imported.files().keySet()));
        assertEquals(List.of("a"), List.copyOf(imported.promptNames().keySet()));
        assertEquals(0, imported.dependencies().size());
        assertEquals(List.of(), imported.notes());
        assertThrows(UnsupportedOperationException.class, () -> imported.promptNames().put("c", "prompts/c.prmd"));
    }
}
