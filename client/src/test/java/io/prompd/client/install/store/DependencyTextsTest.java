package io.prompd.client.install.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyTextsTest {

    /**
     * The empty range left a gap in the messages that list dependencies ('records @common/base-prompts  for ...'); it
     * reads as *, while the texts compared stay as written.
     */
    @Test
    void theEmptyRangeIsListedAsAStar() {
        Map<PackageName, VersionRange> dependencies = Map.of(PackageName.parse("@common/base-prompts"),
                VersionRange.parse(""), PackageName.parse("sql-explainer"), VersionRange.parse("^1.0.0"));

        assertEquals("@common/base-prompts *, sql-explainer ^1.0.0",
                DependencyTexts.listed(DependencyTexts.of(dependencies)));
        assertEquals("", DependencyTexts.of(dependencies).get("@common/base-prompts"));
    }
}
