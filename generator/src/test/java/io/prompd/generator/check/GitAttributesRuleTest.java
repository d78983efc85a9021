package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.generator.testing.TestRegistryRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A changed .gitattributes must leave the files under packages/ stored as written. */
class GitAttributesRuleTest extends PullRequestScenarioTest {

    private static final String ATTRIBUTES = ".gitattributes";

    @Test
    void theTemplatesAttributesPass() {
        repo.write(ATTRIBUTES, "# stored as written\n* -text\n*.png binary\n/.github/** text eol=lf\n");
        repo.commit("attributes");

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }

    @Test
    void aRuleConvertingLineEndingsUnderPackagesIsRefusedAtItsLine() {
        repo.write(ATTRIBUTES, "* -text\n\n# Windows friends\n*.md text eol=crlf\n*.png binary\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, ATTRIBUTES, "sets text for files under packages/",
                "packages/@common/util/1.0.0/README.md", "would convert their line endings");
        assertEquals(4, problem.line());
        assertTrue(problem.hint().contains("'/.github/** text'"), problem.hint());
        assertErrorCount(report, 1);
    }

    /**
     * A macro given a value ({@code win=yes}) sets what it stands for as the macro alone does, as JGit expands it: the
     * line was not found, so the error had no line and the hint named text rather than what the line writes. C Git
     * expands a macro only where a rule sets it, so the error says which Git would convert.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "win     | ): Git would convert their line endings",
            "win=yes | ): JGit, which expands the macro win=yes where Git expands a macro only as a rule sets it"
                    + " ('win')"
                    + ", and so Eclipse's EGit and other tools committing with JGit, would convert their line endings"})
    void aRuleSettingTextThroughAMacroIsRefusedAtItsLineRatherThanAtTheRuleItOverrides(String written,
                                                                                      String whichGit) {
        repo.write(ATTRIBUTES, "[attr]win text eol=crlf\n* -text\n*.png binary\n*.md " + written + "\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, ATTRIBUTES, "sets text (through the macro win, defined at line 1) for",
                "packages/@common/util/1.0.0/README.md" + whichGit);
        assertEquals(4, problem.line());
        assertTrue(problem.hint().contains("'/.github/** " + written + "'"), problem.hint());
        assertErrorCount(report, 1);
    }

    /** JGit leaves text unspecified where a rule unspecifies a macro naming it; C Git leaves it as it was. */
    @Test
    void aMacroUnspecifiedLeavingLineEndingsToEachCommitterAsJGitReadsItIsRefusedAtItsLine() {
        repo.write(ATTRIBUTES, "[attr]win text eol=crlf\n* -text\n*.png binary\n*.md !win\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, ATTRIBUTES, "left to each committer's line-ending settings, the text"
                + " attribute not being unset for them (by the macro !win): JGit, which expands the macro !win where"
                + " Git expands a macro only as a rule sets it ('win'), and so Eclipse's EGit and other tools"
                + " committing with JGit, with core.autocrlf");
        assertEquals(4, problem.line());
        assertErrorCount(report, 1);
    }

    /**
     * A folder's .gitattributes overrides the root's and uses the macros the root's defines: the error was at the root
     * file with no line, as no line of it sets text there.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"packages", "packages/@common/util/1.0.0"})
    void aMacroUsedInAFolderBelowTheRootIsRefusedAtTheLineOfThatFolder(String folder) {
        repo.write(ATTRIBUTES, "[attr]win text eol=crlf\n* -text\n");
        repo.write(folder + "/" + ATTRIBUTES, "# for Windows friends\n*.md win\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, folder + "/" + ATTRIBUTES, "sets text (through the macro win, defined"
                + " at line 1 of .gitattributes) for files under packages/ (packages/@common/util/1.0.0/README.md");
        assertEquals(2, problem.line());
        assertTrue(problem.hint().startsWith("delete " + folder + "/.gitattributes: "), problem.hint());
        assertTrue(report.problems().stream().noneMatch(found -> found.file().equals(ATTRIBUTES)),
                report.problems().toString());
    }

    @Test
    void textAutoAndAFilterAreEachRefused() {
        repo.write(ATTRIBUTES, "* text=auto\n*.prmd filter=lfs diff=lfs merge=lfs -text\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(1, assertError(report, ATTRIBUTES, "sets text=auto", "more").line());
        assertEquals(2, assertError(report, ATTRIBUTES, "sets filter=lfs", "prompts/x.prmd").line());
        assertErrorCount(report, 2);
    }

    @Test
    void aQuotedPatternIsRefusedAtItsLineAsTheCheckCannotReadIt() {
        repo.write(ATTRIBUTES, "* -text\n\"packages/**\" text eol=crlf\n  \"my notes.txt\" -text\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(2, assertError(report, ATTRIBUTES, "\"packages/**\" text eol=crlf", "in quotes").line());
        assertEquals(3, assertError(report, ATTRIBUTES, "\"my notes.txt\" -text", "in quotes").line());
        assertErrorCount(report, 2);
    }

    @Test
    void attributesLeavingLineEndingsToEachCommitterAreRefused() {
        repo.write(ATTRIBUTES, "*.png binary\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, ATTRIBUTES, "left to each committer's line-ending settings",
                "core.autocrlf");
        assertEquals(0, problem.line());
        assertTrue(problem.hint().contains("'* -text'"), problem.hint());
    }

    /**
     * Git skips a byte order mark in a working tree's .gitattributes, as when committing, not in a committed one, as a
     * fresh clone's checkout reads it, where the first rule then matches nothing.
     */
    @Test
    void aByteOrderMarkBeforeTheFirstRuleIsNamedAsWhatLeavesLineEndingsToEachCommitter() {
        repo.writeBytes(ATTRIBUTES, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '*', ' ', '-', 't', 'e', 'x',
                't', '\r', '\n'});
        repo.commit("attributes saved by Notepad");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, ATTRIBUTES, "byte order mark (BOM)", "so '* -text' matches no file",
                "check files under packages/ (packages/@common/util/1.0.0/", "out with CRLF");
        assertEquals(1, problem.line());
        assertTrue(problem.hint().contains("without a BOM"), problem.hint());
        assertTrue(problem.hint().contains("sed -i '1s/^\\xEF\\xBB\\xBF//' .gitattributes"), problem.hint());
        assertErrorCount(report, 1);
    }

    @Test
    void aByteOrderMarkBeforeARuleThatKeepsNothingAsWrittenLeavesTheUsualError() {
        repo.write(ATTRIBUTES, "\uFEFF*.png binary\n");
        repo.commit("attributes");

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, ATTRIBUTES, "left to each committer's line-ending settings");
        assertErrorCount(report, 1);
    }

    @Test
    void attributesThePullRequestDoesNotChangeAreNotHeldAgainstIt() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write(ATTRIBUTES, "* text=auto\n"));
        repo.merge("main", "update", "alice");
        repo.publish("@common/util", "1.1.0");
        repo.commit("publish", "alice");

        assertPassed(check(repo, "alice"));
    }
}
