package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final Manifest MINIMAL = Manifest.of(PackageName.parse("a"), Version.parse("1.0.0"));

    @Test
    void aKnownFieldCannotHideAmongTheExtraOnes() {
        Manifest.Builder builder = MINIMAL.toBuilder()
                .extra(Map.of("license", JsonNodeFactory.instance.textNode("MIT")));

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void norAmongTheExtraFieldsOfADraft() {
        Manifest.Builder builder = new Manifest.Builder()
                .extra(Map.of("license", JsonNodeFactory.instance.textNode("MIT")));

        assertThrows(IllegalArgumentException.class, builder::draft);
    }

    @Test
    void extraFieldsAreCopiedSoLaterChangesDoNotReachTheManifest() {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("k", 1);
        Manifest manifest = MINIMAL.toBuilder().extra(Map.of("x", value)).build();

        value.put("k", 2);

        assertEquals(1, manifest.extra().get("x").get("k").intValue());
    }

    @Test
    void mapsAreSortedAndUnmodifiable() {
        Map<String, String> prompts = new HashMap<>(Map.of("zeta", "z.prmd", "alpha", "a.prmd"));
        Manifest manifest = MINIMAL.toBuilder().prompts(prompts).build();

        assertEquals(List.of("alpha", "zeta"), List.copyOf(manifest.prompts().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> manifest.prompts().put("b", "b.prmd"));
    }

    @Test
    void aManifestNeedsANameAndAVersion() {
        assertThrows(IllegalStateException.class, () -> new Manifest.Builder().name(PackageName.parse("a")).build());
    }

    @Test
    void invalidRangesChainsAsEverySetterDoesAndReachesTheDraft() {
        PackageName broken = PackageName.parse("broken");
        ManifestDraft draft = new Manifest.Builder().invalidRanges(Set.of(broken)).name(PackageName.parse("a")).draft();

        assertEquals(Optional.of(PackageName.parse("a")), draft.name());
        assertEquals(Set.of(broken), draft.invalidRanges());
    }

    @Test
    void aBuilderGivesBackTheManifestItStartedFrom() {
        Manifest manifest = MINIMAL.toBuilder().description("d").files(List.of("a.prmd")).build();

        assertEquals(manifest, manifest.toBuilder().build());
    }
}
