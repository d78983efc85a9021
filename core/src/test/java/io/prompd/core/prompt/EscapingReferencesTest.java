package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.source.MemorySource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscapingReferencesTest {

    /**
     * A dependency's file whose '..' climb out of it, written as such or through an alias, was no way out, as only a
     * path of the package's own counted: an install took what validate refuses. A '..' that stays inside the
     * dependency, or names a folder, leads nowhere else, and a file no prompt loads is not read.
     */
    @Test
    void aDependencysPathClimbingOutOfItLeavesAsAPathOfThePackagesOwnDoes() throws IOException {
        MemorySource source = MemorySource.ofText("pkg", Map.of("prompts/a.prmd", """
                ---
                using:
                  - name: "@acme/base@^2.1.0"
                    prefix: "@base"
                context: "@acme/base@^2.1.0/prompts/../../x.md"
                ---
                {% include "@base/../etc/hostname" %}
                {% include "@acme/base@^2.1.0/prompts/../README.md" %}
                {% include "@acme/base@^2.1.0/prompts/.." %}
                {% include "../../x.md" %}
                {% include "../README.md" %}
                {% include "part.md" %}
                """, "prompts/part.md", "{% include \"@acme/base@^2.1.0/..\\y.md\" %}\n",
                "unused.md", "{% include \"../../z.md\" %}\n", "README.md", "Hi\n"));

        List<String> found = EscapingReferences.read(source).escaping().stream()
                .map(EscapingReferences.Escaping::describe).toList();

        assertEquals(List.of("prompts/a.prmd, line 5 ('@acme/base@^2.1.0/prompts/../../x.md')",
                "prompts/a.prmd, line 7 ('@base/../etc/hostname')", "prompts/a.prmd, line 10 ('../../x.md')",
                "prompts/part.md, line 1 ('@acme/base@^2.1.0/..\\y.md')"), found);
    }

    /**
     * A dependency's path that is absolute (a drive, a share, a leading '\\'), a home path or a URL was no way out, as
     * only '..' counted for one: an install took what a prompt rendered on Windows or through a shell reads from that
     * machine. It leads out as a path of the package's own does; a name that merely holds ':' or '~' does not.
     */
    @Test
    void aDependencysAbsoluteHomeOrUrlPathLeavesAsAPathOfThePackagesOwnDoes() throws IOException {
        MemorySource source = MemorySource.ofText("pkg", Map.of("prompts/a.prmd", """
                ---
                context: "@acme/base@^2/C:/Windows/win.ini"
                ---
                {% include "@acme/base@^2/C:\\x" %}
                {% include "@acme/base@^2/\\\\server\\share\\x.md" %}
                {% include "@acme/base@^2/\\etc\\hostname" %}
                {% include "@acme/base@^2/~/.ssh/id_rsa" %}
                {% include "@acme/base@^2/file:///etc/hostname" %}
                {% include "@acme/base@^2/prompts/a~b:c.md" %}
                {% include "@acme/base@^2" %}
                """));

        List<String> found = EscapingReferences.read(source).escaping().stream()
                .map(EscapingReferences.Escaping::describe).toList();

        assertEquals(List.of("prompts/a.prmd, line 2 ('@acme/base@^2/C:/Windows/win.ini')",
                "prompts/a.prmd, line 4 ('@acme/base@^2/C:\\x')",
                "prompts/a.prmd, line 5 ('@acme/base@^2/\\\\server\\share\\x.md')",
                "prompts/a.prmd, line 6 ('@acme/base@^2/\\etc\\hostname')",
                "prompts/a.prmd, line 7 ('@acme/base@^2/~/.ssh/id_rsa')",
                "prompts/a.prmd, line 8 ('@acme/base@^2/file:///etc/hostname')"), found);
    }
}
