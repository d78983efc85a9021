package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** New versions that lack a file published versions of other packages take from a version their range allows. */
class DependentReferencesRuleTest extends PullRequestScenarioTest {

    private static final String TONE = "prompts/tone-base.prmd";

    /**
     * util 1.1.0 has prompts/tone-base.prmd, which critique and review inherit with "^1.0.0" and sql includes; pinned
     * takes it with "~1.1.0", old (yanked) with "^1.0.0"; plain takes only prompts/x.prmd, which every version has, and
     * typo prompts/tone.prmd, which none has, so that no version is to blame.
     */
    @BeforeEach
    void dependents() {
        mergedMeanwhile(repo, "alice", main -> {
            main.publish("@common/util", "1.1.0");
            main.write("packages/@common/util/1.1.0/" + TONE, "---\nid: tone\n---\n# System\n\nBe kind.\n");
            inheriting(main, "@common/critique", "^1.0.0", TONE);
            inheriting(main, "@common/review", "^1.0.0", TONE);
            inheriting(main, "@common/pinned", "~1.1.0", TONE);
            inheriting(main, "@common/old", "^1.0.0", TONE);
            main.meta("@common/old", "{\"yanked\": {\"1.0.0\": \"broken\"}}");
            inheriting(main, "@common/plain", "^1.0.0", "prompts/x.prmd");
            inheriting(main, "@common/typo", "^1.0.0", "prompts/tone.prmd");
            main.publish("@common/sql", "1.0.0", "@common/util@^1.0.0");
            main.write("packages/@common/sql/1.0.0/prompts/x.prmd", "---\nid: x\ndescription: A test prompt\n---\n"
                    + "# User\n\n{% include \"@common/util@^1.0.0/" + TONE + "\" %}\n");
        });
        repo.merge("main", "up to date", "alice");
    }

    @Test
    void aNewVersionWithoutAFileDependentsTakeWarnsNamingTheVersionsWhoseRangeAllowsIt() {
        repo.publish("@common/util", "1.2.0");
        repo.commit("rename tone-base.prmd away");

        CheckReport report = check(repo, "alice");
        List<Problem> warnings = warnings(report);

        assertEquals(List.of("packages/@common/util/1.2.0"), warnings.stream().map(Problem::file).toList());
        assertPassed(report);
        Problem warning = warnings.get(0);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals("@common/util 1.2.0 does not have prompts/tone-base.prmd, which published versions of other"
                + " packages take from it with a range that allows 1.2.0, so their installs that get this version fail"
                + " validation: @common/critique@1.0.0, @common/review@1.0.0, @common/sql@1.0.0",
                warning.message());
        assertEquals("keep prompts/tone-base.prmd in this version (a prompt may inherit the file's new place), or"
                + " publish the change as a new major version, 2.0.0, which those ranges do not allow; lock files that"
                + " pin an earlier version still install", warning.hint());
    }

    /** Where a range allows any later major version, publishing one is no way out: only keeping the file is. */
    @Test
    void aNewVersionWithoutAFileARangeOfEveryMajorTakesSaysANewMajorVersionWouldNotHelp() {
        mergedMeanwhile(repo, "alice", main -> inheriting(main, "@common/any", ">=1.0.0", TONE));
        repo.merge("main", "up to date", "alice");
        repo.publish("@common/util", "2.0.0");
        repo.commit("a major without the file");

        Problem warning = warnings(check(repo, "alice")).get(0);

        assertTrue(warning.message().endsWith("fail validation: @common/any@1.0.0"), warning.message());
        assertEquals("keep prompts/tone-base.prmd in this version (a prompt may inherit the file's new place): those"
                + " ranges allow a new major version too, so publishing the change as 3.0.0 would not keep it from"
                + " them; lock files that pin an earlier version still install", warning.hint());
    }

    /**
     * Below 1.0.0 a caret range leaves out the next minor version, not only 1.0.0: ^0.2.0 does not allow 0.3.0. A
     * number the package has, under any build metadata, is no number to offer: the hint offered 0.3.0 published. It
     * names every number it passes over, where it named only the first: "0.5.0 (0.3.0 is taken)" with 0.4.0 taken too.
     */
    @ParameterizedTest
    @CsvSource({"'', 0.3.0", "0.3.0, 0.4.0 (0.3.0 is taken)", "0.3.0+b, 0.4.0 (0.3.0 is taken)",
            "0.3.0 0.4.0, 0.5.0 (0.3.0 and 0.4.0 are taken)",
            "0.3.0 0.4.0+b 0.5.0, '0.6.0 (0.3.0, 0.4.0 and 0.5.0 are taken)'"})
    void aNewVersionBelowOneWithoutAFileOffersTheNextFreeMinorVersionAsTheBreakingOne(String published,
                                                                                       String offered) {
        mergedMeanwhile(repo, "alice", main -> {
            main.publish("@common/util", "0.2.0");
            main.write("packages/@common/util/0.2.0/" + TONE, "---\nid: tone\n---\n# System\n\nBe kind.\n");
            inheriting(main, "@common/early", "^0.2.0", TONE);
            for (String version : published.split(" ")) {
                if (!version.isEmpty()) {
                    main.publish("@common/util", version);
                }
            }
        });
        repo.merge("main", "up to date", "alice");
        repo.publish("@common/util", "0.2.1");
        repo.commit("a patch without the file");

        Problem warning = warnings(check(repo, "alice")).get(0);

        assertTrue(warning.message().endsWith("fail validation: @common/early@1.0.0"), warning.message());
        assertEquals("keep prompts/tone-base.prmd in this version (a prompt may inherit the file's new place), or"
                + " publish the change as a new minor version, " + offered + ", which those ranges do not allow (below"
                + " 1.0.0, a caret range takes a new minor version as breaking); lock files that pin an earlier"
                + " version still install", warning.hint());
    }

    @Test
    void aNewMajorVersionOrOneKeepingTheFileSaysNothing() {
        repo.publish("@common/util", "2.0.0");
        repo.publish("@common/util", "1.2.0");
        repo.write("packages/@common/util/1.2.0/" + TONE, "---\nid: tone\n---\n# System\n\nBe kinder.\n");
        repo.commit("a major without the file, a minor with it");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(), warnings(report));
    }

    /** A reference written through a {@code using:} prefix takes the file of the package the prefix stands for. */
    @Test
    void aFileTakenThroughAUsingPrefixCountsAsOneTakenByItsFullName() {
        mergedMeanwhile(repo, "alice", main -> {
            String folder = main.publish("@common/aliased", "1.0.0", "@common/util@^1.0.0");
            main.write(folder + "/prompts/x.prmd", """
                    ---
                    id: x
                    description: A test prompt
                    using:
                      - name: "@common/util@^1.0.0"
                        prefix: "@u"
                    inherits: "@u/%s"
                    ---
                    # User

                    Say hello.
                    """.formatted(TONE));
        });
        repo.merge("main", "up to date", "alice");
        repo.publish("@common/util", "1.2.0");
        repo.commit("rename tone-base.prmd away");

        List<Problem> warnings = warnings(check(repo, "alice"));

        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).message().endsWith(" fail validation: @common/aliased@1.0.0, @common/critique@1.0.0,"
                + " @common/review@1.0.0, @common/sql@1.0.0"), warnings.get(0).message());
    }

    /** Publishes version 1.0.0 of a package whose prompt inherits a file of util. */
    private static void inheriting(TestRegistryRepo main, String name, String range, String path) {
        String folder = main.publish(name, "1.0.0", "@common/util@" + range);
        main.write(folder + "/prompts/x.prmd", """
                ---
                id: x
                description: A test prompt
                inherits: "@common/util@%s/%s"
                ---
                # User

                Say hello.
                """.formatted(range, path));
    }

    /**
     * Every warning at a folder of util, whatever its words: those of this rule, and any a new wording of them would
     * otherwise hide from a test that expects none.
     */
    private static List<Problem> warnings(CheckReport report) {
        return report.problems().stream().filter(problem -> problem.severity() == Severity.WARNING
                && problem.file().startsWith("packages/@common/util/")).toList();
    }
}
