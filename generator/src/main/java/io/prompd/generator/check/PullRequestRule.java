package io.prompd.generator.check;

import io.prompd.core.problem.Problems;
import java.io.IOException;

/** One of the registry's rules for pull requests: it reports every breach it finds into the collector. */
interface PullRequestRule {

    void check(PullRequest pullRequest, Problems problems) throws IOException;
}
