package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What update and outdated name as holding a package below the version its own ranges prefer, so that a user or a
 * script chases the package that does.
 */
class HeldBackTest extends InstallCommandsFixture {

    @Test
    void aPackageOnlyTheHeldVersionNeedsIsNotNamedAsHoldingItBackAsItWouldLeaveWithIt() throws IOException {
        installTranslateThatSummarizeHoldsBack();

        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(2);
        CliRun update = prompd("update");

        assertEquals("{\"allowed\":\"1.1.0\",\"by\":[{\"from\":\"@acme/summarize@1.0.0\",\"name\":\"@acme/tone\","
                + "\"range\":\"^1.0.0\"}]}", row.get("heldBack").toString(),
                "@acme/style@1.0.0 is there only for @acme/translate@1.0.0; 1.1.0 takes @acme/style ^2.0.0 instead");
        assertEquals("warning: @acme/translate stays at 1.0.0, held back by @acme/summarize@1.0.0, which needs"
                + " @acme/tone ^1.0.0: 1.1.0, which its own ranges allow, cannot go with that range\n", update.err());
    }

    @Test
    void outdatedSaysWhatHoldsAPackageBackBelowTheTableWhoseColumnsStayAsWideAsTheirVersions() throws IOException {
        installTranslateThatSummarizeHoldsBack();

        CliRun outdated = prompd("outdated");

        assertEquals("""
                package          current  wanted  latest  dependency
                @acme/style      1.0.0    1.0.0   2.0.0   transitive
                @acme/tone       1.0.0    1.0.0   2.0.0   transitive
                @acme/translate  1.0.0    1.0.0   1.1.0   direct

                @acme/translate 1.1.0 is held back by @acme/summarize@1.0.0, which needs @acme/tone ^1.0.0
                """, outdated.out());
    }

    /**
     * {@code @acme/translate} 1.0.0 (needing {@code @acme/style} ^1.0.0, which needs {@code @acme/tone} ^1.0.0) and
     * {@code @acme/summarize} 1.0.0 (needing tone ^1.0.0) installed, then translate 1.1.0 published, needing style
     * ^2.0.0 and tone ^2.0.0: summarize's range holds it back.
     */
    private void installTranslateThatSummarizeHoldsBack() throws IOException {
        registry.publish("@acme/tone", "1.0.0").publish("@acme/tone", "2.0.0")
                .publish("@acme/style", "1.0.0", "@acme/tone", "^1.0.0")
                .publish("@acme/style", "2.0.0", "@acme/tone", "^2.0.0")
                .publish("@acme/summarize", "1.0.0", "@acme/tone", "^1.0.0")
                .publish("@acme/translate", "1.0.0", "@acme/style", "^1.0.0");
        editDependencies("\"@acme/summarize\": \"^1\", \"@acme/translate\": \"^1\"");
        assertEquals(0, prompd("install").exitCode());
        registry.publish("@acme/translate", "1.1.0", "@acme/style", "^2.0.0", "@acme/tone", "^2.0.0");
    }
}
