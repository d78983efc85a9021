package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.generator.check.MetaChange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.Parsed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MetaChangeTest {

    private static final PackageName NAME = PackageName.parse("tool");

    private static PackageMeta meta(Map<String, String> tags, Map<String, String> yanked, Map<String,
            String> deprecated,
                                    Set<String> owners) {
        TreeMap<String, Version> distTags = new TreeMap<>();
        tags.forEach((tag, version) -> distTags.put(tag, Version.parse(version)));
        return new PackageMeta(distTags, versions(yanked), versions(deprecated), new TreeMap<>(),
                new TreeSet<>(owners));
    }

    private static TreeMap<Version, String> versions(Map<String, String> notes) {
        TreeMap<Version, String> byVersion = new TreeMap<>();
        notes.forEach((version, note) -> byVersion.put(Version.parse(version), note));
        return byVersion;
    }

    private static Parsed<PackageMeta> read(PackageMeta meta) {
        return Parsed.of(meta, List.of());
    }

    @Test
    void eachDifferenceIsOneLineAReviewerCanRead() {
        PackageMeta before = meta(Map.of("latest", "1.0.0", "next", "2.0.0-rc.1"),
                Map.of("0.9.0", "broken", "0.7.0", "bad"), Map.of("1.0.0", "use 1.1", "0.8.0", "old"),
                Set.of("ann", "bob"));
        PackageMeta after = meta(Map.of("latest", "1.1.0", "beta", "2.0.0-rc.1"),
                Map.of("1.0.0", "leaked a key", "0.7.0", "leaked a key too"),
                Map.of("1.0.0", "use 1.1.0\n  or later", "0.8.0", "old"), Set.of("Ann", "cid"));

        assertEquals(List.of(
                "points the dist-tag beta of tool at 2.0.0-rc.1",
                "points the dist-tag latest of tool at 1.1.0 (it pointed at 1.0.0)",
                "removes the dist-tag next of tool (it pointed at 2.0.0-rc.1)",
                "changes the reason for the yank of tool 0.7.0: leaked a key too",
                "takes back the yank of tool 0.9.0",
                "yanks tool 1.0.0: leaked a key",
                "changes the deprecation message of tool 1.0.0: use 1.1.0^J  or later",
                "adds cid to the owners of tool",
                "removes bob from the owners of tool"),
                MetaChange.between(NAME, read(before), List.of(), read(after), List.of()).stream()
                        .map(change -> CheckReportView.describe(change, CheckReportView.Style.PLAIN)).toList());
        assertEquals(List.of(), MetaChange.between(NAME, read(after), List.of(), read(after), List.of()));
    }

    /**
     * Without its dist-tag, latest stands for the highest version that is neither a pre-release nor yanked: a tag set
     * moves it from that one, and a tag removed gives it back to it, which a reviewer sees only if told.
     */
    @Test
    void latestSetOrRemovedIsToldFromAndToTheVersionItStandsForWithoutItsTag() {
        List<Version> published = Stream.of("1.9.9", "2.0.1", "3.4.3", "3.5.0-rc.1").map(Version::parse).toList();
        PackageMeta pinned = meta(Map.of("latest", "1.9.9"), Map.of(), Map.of(), Set.of());
        PackageMeta yanked = meta(Map.of(), Map.of("3.4.3", "broken"), Map.of(), Set.of());

        assertEquals(List.of("points the dist-tag latest of tool at 1.9.9 (it pointed at 3.4.3)"),
                describe(MetaChange.between(NAME, read(PackageMeta.EMPTY), published, read(pinned), List.of())));
        assertEquals(List.of("points the dist-tag latest of tool at 1.9.9 (it pointed at 2.0.1)"),
                describe(MetaChange.between(NAME, read(yanked), published, read(meta(Map.of("latest", "1.9.9"),
                        Map.of("3.4.3", "broken"), Map.of(), Set.of())), List.of())));
        assertEquals(List.of("points the dist-tag latest of tool at 3.4.3"),
                describe(MetaChange.between(NAME, read(PackageMeta.EMPTY), published,
                        read(meta(Map.of("latest", "3.4.3"), Map.of(), Map.of(), Set.of())), List.of())));
    }

    /** Removing latest's dist-tag names the version latest then stands for among the versions after, if any. */
    @Test
    void latestRemovedIsToldTheVersionItThenStandsForOrThatItGoesAway() {
        List<Version> published = Stream.of("1.9.9", "2.0.1", "3.4.3", "3.5.0-rc.1").map(Version::parse).toList();
        List<Version> withNew = Stream.concat(published.stream(), Stream.of(Version.parse("3.6.0"))).toList();
        PackageMeta pinned = meta(Map.of("latest", "1.9.9"), Map.of(), Map.of(), Set.of());
        PackageMeta yanked = meta(Map.of(), Map.of("3.4.3", "broken"), Map.of(), Set.of());

        assertEquals(List.of("removes the dist-tag latest of tool (it pointed at 1.9.9), so latest is 3.4.3, the"
                        + " highest version that is neither a pre-release nor yanked"),
                describe(MetaChange.between(NAME, read(pinned), published, read(PackageMeta.EMPTY), published)));
        assertEquals(List.of("removes the dist-tag latest of tool (it pointed at 1.9.9), so latest is 3.6.0, the"
                        + " highest version that is neither a pre-release nor yanked"),
                describe(MetaChange.between(NAME, read(pinned), published, read(PackageMeta.EMPTY), withNew)));
        assertEquals(List.of("removes the dist-tag latest of tool (it pointed at 1.9.9), so latest is 2.0.1, the"
                        + " highest version that is neither a pre-release nor yanked", "yanks tool 3.4.3: broken"),
                describe(MetaChange.between(NAME, read(pinned), published, read(yanked), published)));
        List<MetaChange> gone = MetaChange.between(NAME, read(pinned), published, read(yanked),
                Stream.of("3.4.3", "3.5.0-rc.1").map(Version::parse).toList());
        assertEquals(List.of("removes the dist-tag latest of tool (it pointed at 1.9.9), so latest goes away: no"
                + " version is left that is neither a pre-release nor yanked", "yanks tool 3.4.3: broken"),
                describe(gone));
        assertEquals(Optional.empty(), gone.get(0).becomes());
    }

    private static List<String> describe(List<MetaChange> changes) {
        return changes.stream().map(change -> CheckReportView.describe(change, CheckReportView.Style.PLAIN)).toList();
    }

    @Test
    void aLikelyCredentialInAReasonIsCutShortAsTheCheckRefusesIt() {
        PackageMeta before = meta(Map.of(), Map.of(), Map.of("1.0.0", "old ghp_" + "aB3".repeat(12)), Set.of("ann"));
        PackageMeta after = meta(Map.of(), Map.of("1.0.0", "leaked sk-" + "Zq9".repeat(14) + " in the README"),
                Map.of("1.0.0", "use 1.1"), Set.of("ann"));

        assertEquals(List.of(
                "yanks tool 1.0.0: leaked sk-Z… in the README",
                "changes the deprecation message of tool 1.0.0: use 1.1"),
                MetaChange.between(NAME, read(before), List.of(), read(after), List.of()).stream()
                        .map(change -> CheckReportView.describe(change, CheckReportView.Style.PLAIN)).toList());
        assertEquals(Optional.of("old ghp_…"),
                MetaChange.between(NAME, read(before), List.of(), read(after), List.of()).get(1).was());
    }

    @Test
    void takedownRecordsAreToldAsTheOtherNotes() {
        PackageMeta before = new PackageMeta(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                versions(Map.of("0.4.0", "illegal content", "0.5.0", "leaked a key")), new TreeSet<>());
        PackageMeta after = new PackageMeta(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                versions(Map.of("0.5.0", "leaked a token", "0.6.0", "held personal\ndata")), new TreeSet<>());

        assertEquals(List.of(
                "removes the takedown record of tool 0.4.0",
                "changes the reason for the takedown of tool 0.5.0: leaked a token",
                "records the takedown of tool 0.6.0: held personal^Jdata"),
                MetaChange.between(NAME, read(before), List.of(), read(after), List.of()).stream()
                        .map(change -> CheckReportView.describe(change, CheckReportView.Style.PLAIN)).toList());
    }

    /**
     * The summary joined a reason's lines with spaces, and its tabs, where clients show a tab as it is and a line break
     * as ^J: a reviewer reads the text as clients will show it, in the text and the Markdown alike.
     */
    @Test
    void aTabStaysAndALineBreakIsSpeltAsClientsShowThem() {
        PackageMeta after = meta(Map.of(), Map.of("1.0.0", "tab\tx line1\nline2"), Map.of(), Set.of());
        MetaChange yank = MetaChange.between(NAME, read(PackageMeta.EMPTY), List.of(), read(after), List.of()).get(0);

        assertEquals("yanks tool 1.0.0: tab\tx line1^Jline2",
                CheckReportView.describe(yank, CheckReportView.Style.PLAIN));
        assertEquals("yanks `tool` `1.0.0`: tab\tx line1^Jline2",
                CheckReportView.describe(yank, CheckReportView.Style.MARKDOWN));
    }

    @Test
    void anEmptyReasonLeavesNoDanglingColon() {
        PackageMeta after = meta(Map.of(), Map.of("1.0.0", " "), Map.of("1.1.0", ""), Set.of());

        assertEquals(List.of("yanks tool 1.0.0", "deprecates tool 1.1.0"),
                MetaChange.between(NAME, read(PackageMeta.EMPTY), List.of(), read(after), List.of()).stream()
                        .map(change -> CheckReportView.describe(change, CheckReportView.Style.PLAIN)).toList());
    }
}
