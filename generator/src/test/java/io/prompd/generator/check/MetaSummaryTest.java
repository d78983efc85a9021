package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the check's summary says a pull request does to a meta.json, read from the file at both commits. */
class MetaSummaryTest extends PullRequestScenarioTest {

    private static final PackageName UTIL = PackageName.parse("@common/util");

    @Test
    void ownersOfAScopedPackageAreNoOwnerChangeSinceTheyHaveNoEffect() {
        repo.meta("@common/util", "{\"owners\": [\"dave\"], \"distTags\": {\"latest\": \"1.0.0\"}}");
        repo.commit("owners, which a scope ignores");

        CheckReport report = check(repo, "alice");

        assertTrue(report.problems().stream().anyMatch(problem -> problem.message().contains("count only for unscoped")),
                () -> report.problems().toString());
        assertEquals(List.of(new MetaChange(UTIL, MetaChange.Action.TAGS, "1.0.0", "latest")), report.metaChanges());
    }
}
