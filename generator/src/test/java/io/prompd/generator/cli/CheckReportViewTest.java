package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import io.prompd.generator.check.CheckReport;
import io.prompd.generator.check.ExternalDependency;
import io.prompd.generator.check.MetaChange;
import io.prompd.generator.check.SettingsChange;
import io.prompd.generator.check.Takedown;
import io.prompd.generator.source.PackageVersion;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckReportViewTest {

    private static final String BASE = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String HEAD = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final PackageName NEW = PackageName.parse("@a/new");
    private static final PackageName OLD = PackageName.parse("@a/old");
    private static final Optional<CheckReport.Actor> ALICE = Optional.of(new CheckReport.Actor("alice", false));

    private static CheckReport report(List<Problem> problems) {
        return new CheckReport(BASE, HEAD, ALICE,
                List.of(new PackageVersion(OLD, Version.parse("1.1.0")),
                        new PackageVersion(NEW, Version.parse("1.0.0"))),
                new TreeSet<>(List.of(NEW)), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json", "odd`name.md"), new TreeSet<>(),
                new TreeSet<>(), new TreeSet<>(), List.of(), List.of(), List.of(), problems);
    }

    @Test
    void textStartsWithTheVerdictAndSummary() {
        String text = CheckReportView.text(report(List.of(Problem.warning("packages/@a/old/meta.json", "/owners",
                "owners have no effect", ""))));

        assertEquals("""
                PASSED: registry check of 2222222 against 1111111, as alice
                  adds the new package @a/new version 1.0.0
                  adds @a/old version 1.1.0
                  changes odd`name.md
                  changes packages/@a/old/meta.json

                packages/@a/old/meta.json
                  warning /owners: owners have no effect
                0 errors, 1 warning
                """, text);
    }

    @Test
    void whatAMetaJsonChangeDoesReplacesItsPathInTheSummary() throws Exception {
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json", "packages/@a/tidy/meta.json"), new TreeSet<>(), new TreeSet<>(),
                new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.YANKS, "1.0.0", "leaked a key")), List.of(), List.of(),
                List.of());

        assertEquals("""
                PASSED: registry check of 2222222 against 1111111, as alice
                  yanks @a/old 1.0.0: leaked a key
                  changes packages/@a/tidy/meta.json

                no problems
                """, CheckReportView.text(report), "a meta.json changed only in its layout is still listed");
        assertTrue(markdown(report).contains("- yanks `@a/old` `1.0.0`: leaked a key\n"));
        JsonNode json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("{\"action\":\"yanks\",\"detail\":\"leaked a key\",\"name\":\"@a/old\",\"target\":\"1.0.0\"}",
                json.at("/metaChanges/0").toString());
    }

    @Test
    void markdownHasTheVerdictSummaryAndProblems() {
        String markdown = markdown(report(List.of(Problem.error("odd`name.md", "", "not allowed",
                "remove it"))));

        assertTrue(markdown.startsWith("## ❌ Registry check failed\n\nChecked `2222222` against the merge"
                + " base `1111111`, as `alice`.\n"),
                markdown);
        assertTrue(markdown.contains("- adds the new package `@a/new` version `1.0.0`\n- adds `@a/old`"
                + " version `1.1.0`\n"),
                markdown);
        assertTrue(markdown.contains("- changes ``odd`name.md``\n"),
                "a backtick cannot end the code span: " + markdown);
        assertTrue(markdown.contains("### ``odd`name.md``\n"), "nor the heading's: " + markdown);
        assertTrue(markdown.endsWith("**1 error, 0 warnings**\n"), markdown);
    }

    @Test
    void textFromMetaJsonIsEscapedInMarkdownAsProblemMessagesAre() {
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json"), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.YANKS, "1.0.0", "<!-- hidden"),
                        new MetaChange(OLD, MetaChange.Action.DEPRECATES, "1.1.0", "<b>use</b> | 2.x"),
                        new MetaChange(OLD, MetaChange.Action.TAGS, "1.1.0", "`x`")), List.of(), List.of(), List.of());

        String markdown = markdown(report);

        assertTrue(markdown.contains("- yanks `@a/old` `1.0.0`: &lt;!-- hidden\n"), markdown);
        assertTrue(markdown.contains("- deprecates `@a/old` `1.1.0`: &lt;b&gt;use&lt;/b&gt; \\| 2.x\n"), markdown);
        assertTrue(markdown.contains("- points the dist-tag `` `x` `` of `@a/old` at `1.1.0`\n"), markdown);
    }

    /**
     * GitHub shows a character reference as its character, such as a right-to-left override the check refuses as
     * raw text, and text between two dollar signs as LaTeX math, such as a verdict of its own in large green letters.
     */
    @Test
    void markdownShowsCharacterReferencesAndDollarSignsOfAPackagesTextAsWritten() {
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json"), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.DEPRECATES, "1.1.0",
                        "Upgrade &#x202E;now&#x2069; &lt;b&gt; &amp; $\\Huge\\text{No problems}$")), List.of(),
                List.of(),
                List.of(Problem.warning("packages/@a/old/1.1.0/prompd.json", "", "prompd.json has the unknown field"
                        + " \"x&#x202E;y\"", "")));

        String markdown = markdown(report);

        assertTrue(markdown.contains("- deprecates `@a/old` `1.1.0`: Upgrade &amp;#x202E;now&amp;#x2069;"
                + " &amp;lt;b&amp;gt;"
                + " &amp;amp; <span>$</span>\\\\Huge\\\\text{No problems}<span>$</span>\n"), markdown);
        assertTrue(markdown.contains(": prompd.json has the unknown field \"x&amp;#x202E;y\"\n"), markdown);
    }

    @Test
    void markdownMentionsNobodyWhileTextKeepsTheWordsAsWritten() {
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json"), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.DEPRECATES, "1.1.0", "see @bob, or @acme/security")),
                List.of(), List.of(),
                List.of(Problem.warning("packages/@a/old/meta.json", "/owners", "owners in meta.json count only for"
                        + " unscoped packages; @a is owned through scopes.json", "ask @common/base-prompts")));

        String markdown = markdown(report);

        assertTrue(markdown.contains("- deprecates `@a/old` `1.1.0`: see `@bob`, or `@acme/security`\n"), markdown);
        assertTrue(markdown.contains("unscoped packages; `@a` is owned through scopes.json<br>_hint: ask"
                + " `@common/base-prompts`_\n"), markdown);
        assertFalse(markdown.replaceAll("`[^`\\n]*`", "").contains("@"),
                "every '@' is inside a code span: " + markdown);
        String text = CheckReportView.text(report);
        assertTrue(text.contains("  deprecates @a/old 1.1.0: see @bob, or @acme/security\n")
                && text.contains("; @a is owned through scopes.json\n          hint: ask @common/base-prompts\n"),
                text);
    }

    @Test
    void markdownLinksNothingThatAYankReasonHoldsWhileTextKeepsItAsWritten() {
        String reason = "Broken; details at https://evil.example.com/phish and www.evil.example.com, see #1"
                + " and octo/repo#2";
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json"), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.YANKS, "1.0.0", reason)), List.of(), List.of(),
                List.of());

        assertTrue(markdown(report).contains("- yanks `@a/old` `1.0.0`: Broken; details at"
                + " `https://evil.example.com/phish` and `www.evil.example.com`, see `#1` and `octo/repo#2`\n"),
                markdown(report));
        assertTrue(CheckReportView.text(report).contains("  yanks @a/old 1.0.0: " + reason + "\n"),
                CheckReportView.text(report));
    }

    @Test
    void aMarkdownReportStaysWithinWhatAGitHubCommentHolds() {
        List<PackageVersion> added = IntStream.range(0, 500)
                .mapToObj(index -> new PackageVersion(PackageName.parse("@a/p" + index), Version.parse("1.0.0")))
                .toList();
        List<Problem> problems = IntStream.range(0, 3000)
                .mapToObj(index -> index % 1000 == 999
                        ? Problem.error("packages/@a/p" + index + "/1.0.0/prompd.json", "", "a real error", "fix it")
                        : Problem.warning("packages/@a/p" + index + "/1.0.0/prompts/x.prmd", "", "a long warning "
                                + "x".repeat(40), "a hint")).toList();

        String markdown = markdown(new CheckReport(BASE, HEAD, ALICE, added, new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), List.of(), List.of(), List.of(),
                problems));

        assertTrue(markdown.length() <= CheckReportView.COMMENT_LIMIT, () -> "length " + markdown.length());
        assertTrue(markdown.contains("- … and 400 more\n"), markdown);
        assertEquals(3, markdown.split("a real error", -1).length - 1, "every error is shown before any warning");
        assertTrue(markdown.contains("_Not shown here, to keep this comment within GitHub's limit: 0 errors, "),
                markdown);
        assertTrue(markdown.endsWith("**3 errors, 2997 warnings**\n"), markdown);
    }

    /**
     * A pull request adding 120 packages and mallory to the maintainers had its maintainer change as the summary's
     * 121st line, which the comment left out as one of "22 more": changes to settings and to who may publish come
     * first, in the text too, and the comment never cuts them for the other lines.
     */
    @Test
    void changesToSettingsAndRightsComeFirstAndAreNeverCut() {
        List<PackageVersion> added = IntStream.range(0, 120)
                .mapToObj(index -> new PackageVersion(PackageName.parse("@a/p" + index), Version.parse("1.0.0")))
                .toList();
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, added, new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of("README.md", "packages/@a/old/meta.json", "registry.json"),
                new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.YANKS, "1.0.0", "broken"),
                        new MetaChange(OLD, MetaChange.Action.ADDS_OWNER, "mallory", "")),
                List.of(new SettingsChange("registry.json", SettingsChange.Action.ADDS_MAINTAINER, "mallory", "", "",
                        "")), List.of(), List.of());

        assertTrue(markdown(report).contains("""
                **This pull request**

                - changes `registry.json`
                - adds `mallory` to the maintainers
                - adds `mallory` to the owners of `@a/old`
                - adds `@a/p0` version `1.0.0`
                """), markdown(report));
        assertTrue(markdown(report).contains("- … and 22 more\n"), markdown(report));
        assertTrue(CheckReportView.text(report).startsWith("""
                PASSED: registry check of 2222222 against 1111111, as alice
                  changes registry.json
                  adds mallory to the maintainers
                  adds mallory to the owners of @a/old
                  adds @a/p0 version 1.0.0
                """), CheckReportView.text(report));
        assertTrue(CheckReportView.text(report).endsWith("""
                  adds @a/p99 version 1.0.0
                  yanks @a/old 1.0.0: broken
                  changes README.md

                no problems
                """), CheckReportView.text(report));
    }

    /**
     * Only changes to settings and rights too many for the comment, as no real pull request makes, are cut, saying how
     * many and how to list them; the comment stays within GitHub's limit and the problems keep room.
     */
    @Test
    void changesToSettingsAndRightsBeyondWhatTheCommentHoldsAreCountedWithHowToListThem() {
        List<SettingsChange> maintainers = IntStream.range(0, 5_000).mapToObj(index -> new SettingsChange(
                "registry.json", SettingsChange.Action.ADDS_MAINTAINER, "login" + index, "", "", "")).toList();
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of("registry.json"), new TreeSet<>(), new TreeSet<>(),
                new TreeSet<>(), List.of(), maintainers, List.of(), List.of(Problem.error("registry.json", "",
                        "an error", "")));

        String markdown = markdown(report);

        assertTrue(markdown.length() <= CheckReportView.COMMENT_LIMIT, () -> "length " + markdown.length());
        assertTrue(markdown.contains(" more changes to settings or to who may publish, which this comment cannot hold."
                + " To list them all, run `prompd-registry check . --base main --head " + HEAD + " --actor alice`"),
                markdown);
        assertTrue(markdown.contains("- ❌ **error**: an error\n"), markdown);
    }

    @Test
    void aHugeTextOfTheFilesIsCutInTheCommentWhichSaysNothingIsLeftOutWhenNothingIs() {
        String reason = "x".repeat(100_000);
        List<MetaChange> yanks = IntStream.range(0, 100).mapToObj(index -> new MetaChange(OLD,
                MetaChange.Action.YANKS, "1.0." + index, index == 0 ? reason : reason.substring(0, 1_000))).toList();
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json"), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), yanks,
                List.of(), List.of(),
                List.of(Problem.error("packages/@a/old/meta.json", "/yanked/1.0.0", "the reason " + reason
                        + " is bad", "write it again " + reason)));

        String markdown = markdown(report);

        assertTrue(markdown.length() <= CheckReportView.COMMENT_LIMIT, () -> "length " + markdown.length());
        assertTrue(markdown.contains("- yanks `@a/old` `1.0.0`: " + "x".repeat(CheckReportView.QUOTE_SHOWN)
                + "…\n"), markdown);
        assertTrue(markdown.contains("- … and "), markdown);
        assertTrue(markdown.contains("- ❌ **error** `/yanked/1.0.0`: the reason xxx")
                && markdown.contains("x…<br>_hint: write it again xxx") && markdown.contains("x…_\n"), markdown);
        assertFalse(markdown.contains("Not shown here"), markdown);
        assertTrue(CheckReportView.text(report).contains(reason + " is bad"), "the text output is whole");
    }

    @Test
    void problemsLeftOutOfTheCommentAreToldHowToListThemAll() {
        List<Problem> problems = IntStream.range(0, 200).mapToObj(index -> Problem.error("packages/@a/p" + index
                + "/1.0.0/prompd.json", "", "an error " + "y".repeat(1_000), "")).toList();

        String markdown = markdown(report(problems));

        assertTrue(markdown.contains(" more. To list them all, run `prompd-registry check . --base main --head " + HEAD
                + " --actor alice` in a clone of this repository, as its CONTRIBUTING.md shows._\n"), markdown);
    }

    /** The command listing every problem is the check as it ran, pasted into a shell as it is shown. */
    @Test
    void theCommandListingEveryProblemIsTheCheckAsItRanShellQuoted() {
        List<Problem> problems = IntStream.range(0, 200).mapToObj(index -> Problem.error("packages/@a/p" + index
                + "/1.0.0/prompd.json", "", "an error " + "y".repeat(1_000), "")).toList();

        String markdown = CheckReportView.markdown(report(problems), "it's`odd");

        assertTrue(markdown.contains(" more. To list them all, run ``prompd-registry check . --base 'it'\\''s`odd'"
                + " --head " + HEAD + " --actor alice`` in a clone"), markdown);
    }

    @Test
    void aTakedownWhoseRecordGivesABlankReasonHasNoReasonInJson() throws Exception {
        PackageVersion gone = new PackageVersion(OLD, Version.parse("1.0.0"));
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(),
                List.of(new Takedown(gone, Optional.empty())), List.of(), List.of(), List.of(),
                List.of("packages/@a/old/meta.json"),
                new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.RECORDS_TAKEDOWN, "1.0.0", "  ")), List.of(), List.of(),
                List.of());

        JsonNode takedown = Json.reader().readTree(CheckReportView.json(report)).get("takenDown").get(0);

        assertEquals("1.0.0", takedown.get("version").asText());
        assertFalse(takedown.has("reason"), takedown::toString);
    }

    @Test
    void problemsOfNoOneFileAreTheWholePullRequests() {
        List<Problem> unfiled = List.of(Problem.error("", "", "the pull request's author is unknown", ""));

        assertTrue(CheckReportView.text(report(unfiled)).contains("\n(pull request)\n  error   the pull request's"),
                CheckReportView.text(report(unfiled)));
        assertTrue(markdown(report(unfiled))
                .contains("### `(pull request)`\n\n- ❌ **error**: the pull"),
                markdown(report(unfiled)));
    }

    @Test
    void markdownOfACleanReportPasses() {
        assertTrue(markdown(report(List.of())).startsWith("## ✅ Registry check passed\n"));
    }

    @Test
    void jsonCarriesEverything() throws Exception {
        JsonNode json = Json.reader().readTree(CheckReportView.json(report(List.of(
                Problem.error("x", "", "bad", "fix")))));

        assertEquals(false, json.get("ok").asBoolean());
        assertEquals(BASE, json.get("mergeBase").asText());
        assertEquals(HEAD, json.get("head").asText());
        assertEquals("@a/new", json.at("/added/0/name").asText());
        assertEquals("1.0.0", json.at("/added/0/version").asText());
        assertEquals("@a/new", json.at("/newPackages/0").asText());
        assertEquals("odd`name.md", json.at("/otherChanges/0").asText());
        assertEquals("bad", json.at("/problems/0/message").asText());
    }

    @Test
    void aDependencyOnAnExternalScopeIsANoteOfWhatTheCheckCannotVerifyInEveryFormat() throws Exception {
        PackageVersion added = new PackageVersion(NEW, Version.parse("1.0.0"));
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(added), new TreeSet<>(List.of(NEW)), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), new TreeSet<>(), new TreeSet<>(),
                new TreeSet<>(), List.of(), List.of(),
                List.of(new ExternalDependency(added, PackageName.parse("@ext/z"), "1.x", 0),
                        new ExternalDependency(added, PackageName.parse("@ext/base-prompts"), "^2.0.0", 2)),
                List.of());

        assertEquals("""
                PASSED: registry check of 2222222 against 1111111, as alice
                  adds the new package @a/new version 1.0.0
                  note: @a/new version 1.0.0 depends on @ext/base-prompts ^2.0.0, of the external scope @ext\
                 (policy.externalScopes of registry.json): the check reads this registry alone and cannot verify\
                 another offline, so neither that it has a version the range allows nor what that depends on is\
                 checked, nor the 2 files its prompts take from it
                  note: @a/new version 1.0.0 depends on @ext/z 1.x, of the external scope @ext (policy.externalScopes\
                 of registry.json): the check reads this registry alone and cannot verify another offline, so neither\
                 that it has a version the range allows nor what that depends on is checked

                no problems
                """, CheckReportView.text(report));
        assertTrue(markdown(report).contains("""
                - adds the new package `@a/new` version `1.0.0`

                **Not checked**

                - `@a/new` version `1.0.0` depends on `@ext/base-prompts` `^2.0.0`, of the external scope `@ext`\
                 (`policy.externalScopes` of `registry.json`): the check reads this registry alone and cannot verify\
                 another offline, so neither that it has a version the range allows nor what that depends on is\
                 checked, nor the 2 files its prompts take from it
                - `@a/new` version `1.0.0` depends on `@ext/z` `1.x`,"""), markdown(report));
        JsonNode json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals(Json.reader().readTree("""
                [{"name": "@a/new", "version": "1.0.0", "dependency": "@ext/base-prompts", "range": "^2.0.0",
                  "fileReferences": 2},
                 {"name": "@a/new", "version": "1.0.0", "dependency": "@ext/z", "range": "1.x", "fileReferences": 0}]
                """), json.get("externalDependencies"));
        assertEquals(0, Json.reader().readTree(CheckReportView.json(report(List.of())))
                .get("externalDependencies").size());
    }

    @Test
    void textAndMarkdownShowControlAndBidiCharactersOfPathsAndMetaJsonTextAsEscapes() {
        String path = "packages/@a/old/1.0.0/x\u001b[2K\u202e.md";
        CheckReport report = new CheckReport(BASE, HEAD, ALICE, List.of(), new TreeSet<>(), List.of(), List.of(),
                List.of(), List.of(), List.of(),
                List.of(path), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                List.of(new MetaChange(OLD, MetaChange.Action.YANKS, "1.0.0", "gone\u0007")), List.of(), List.of(),
                List.of(Problem.error(path, "", "bad", "")));

        String text = CheckReportView.text(report);
        String markdown = markdown(report);

        assertFalse(text.contains("\u001b") || text.contains("\u0007"), text);
        assertTrue(text.contains("changes packages/@a/old/1.0.0/x^[[2K<U+202E>.md\n"), text);
        assertTrue(text.contains("\npackages/@a/old/1.0.0/x^[[2K<U+202E>.md\n"), text);
        assertTrue(text.contains("yanks @a/old 1.0.0: gone^G\n"), text);
        assertTrue(markdown.contains("- changes `packages/@a/old/1.0.0/x^[[2K<U+202E>.md`\n"), markdown);
        assertTrue(markdown.contains("\n### `packages/@a/old/1.0.0/x^[[2K<U+202E>.md`\n"), markdown);
        assertTrue(markdown.contains("- yanks `@a/old` `1.0.0`: gone^G\n"), markdown);
    }

    /** The Markdown report of a check run with --base main. */
    private static String markdown(CheckReport report) {
        return CheckReportView.markdown(report, "main");
    }
}
