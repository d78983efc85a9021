package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What update and outdated name as holding a package below the version its own ranges prefer (a range, a locked
 * version the update keeps, a latest dist-tag), so that a user or a script chases the package that does.
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

    @Test
    void anUpdateByNameSaysTheLockedVersionItKeepsOfAnotherPackageHoldsOneBackWithTheUpdateThatLetsBothMove()
            throws IOException {
        registry.publish("@acme/tone", "1.0.0", "@acme/base", "^1.0.0");
        editDependencies("\"@acme/base\": \"^1.0.0\", \"@acme/tone\": \"^1.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        registry.publish("@acme/base", "1.1.0", "@acme/util", "^1.0.0")
                .publish("@acme/tone", "1.1.0", "@acme/base", "^1.1.0");

        CliRun update = prompd("update", "@acme/tone");
        JsonNode warning = Json.reader().readTree(prompd("update", "@acme/tone", "--json").out()).get("warnings")
                .get(0);
        CliRun both = prompd("update", "@acme/tone", "@acme/base");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: @acme/tone stays at 1.0.0, held back by prompd.lock's @acme/base 1.0.0, which the update"
                + " keeps: 1.1.0, which its own ranges allow, needs @acme/base ^1.1.0; 'prompd update @acme/tone"
                + " @acme/base' lets @acme/base move too\n", update.err(), "every range on @acme/base allows 1.1.0");
        assertEquals("heldBackByRanges", warning.get("kind").asText());
        assertEquals("[{\"from\":\"prompd.lock\",\"locked\":\"1.0.0\",\"name\":\"@acme/base\","
                + "\"needs\":\"^1.1.0\"}]", warning.get("by").toString());
        assertEquals(0, both.exitCode(), both.err());
        assertTrue(both.out().contains("@acme/tone 1.0.0 -> 1.1.0"), "the hint's update works: " + both.out());
    }

    @Test
    void aPackageHeldBackByTheVersionTheLatestTagOfAnotherNamesIsSaidToBeSo() throws IOException {
        registry.publish("@acme/base", "2.1.0").publish("@acme/style", "2.1.0", "@acme/base", "^2.1.0");
        editDependencies("\"@acme/base\": \"^2.1.0\", \"@acme/style\": \"^2.1.0\"");
        assertEquals(0, prompd("install").exitCode());
        // the maintainers of @acme/base rolled latest back from 2.2.0
        registry.publish("@acme/base", "2.2.0").publish("@acme/style", "2.2.0", "@acme/base", "^2.2.0")
                .tag("@acme/base", "latest", "2.1.0");

        CliRun update = prompd("update");
        CliRun outdated = prompd("outdated");
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);

        assertEquals("warning: @acme/style stays at 2.1.0, held back by @acme/base's latest dist-tag, 2.1.0: 2.2.0,"
                + " which its own ranges allow, needs @acme/base ^2.2.0\n", update.err());
        assertTrue(outdated.out().endsWith("\n@acme/style 2.2.0 is held back by @acme/base's latest dist-tag, 2.1.0\n"),
                outdated.out());
        assertEquals("[{\"from\":\"dist-tags\",\"latest\":\"2.1.0\",\"name\":\"@acme/base\",\"needs\":\"^2.2.0\"}]",
                row.get("heldBack").get("by").toString(), row.toString());
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
