package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.GitConversions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;

/**
 * A pull request that changes the repository's .gitattributes must leave every file under packages/ stored byte for
 * byte, as the registry template's {@code * -text} does ({@link GitConversions} says why). The attributes a pull
 * request does not touch are the registry's own choice, made before: a check of an unrelated pull request does not
 * hold them against it.
 */
final class GitAttributesRule implements PullRequestRule {

    private static final String KEEP_AS_WRITTEN = "keep '* -text' as the first rule of .gitattributes, as the"
            + " registry template has it (its comment says why); rules after it may mark binary types 'binary'";

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        Optional<PullRequest.ChangedFile> changed = pullRequest.changes(ChangedPath.Kind.REPOSITORY_FILE).stream()
                .filter(file -> file.change().path().equals(GitConversions.FILE)).findFirst();
        if (changed.isEmpty()) {
            return;
        }
        List<String> lines = changed.get().change().type() == ChangeType.DELETED ? List.of()
                : pullRequest.repository().read(changed.get().change().newBlob(), ArchiveLimits.DEFAULT)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).lines().toList()).orElse(List.of());
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).strip().startsWith("\"")) {
                problems.add(quotedPattern(lines.get(index).strip()).atLine(index + 1));
            }
        }
        for (GitConversions.Conversion conversion : GitConversions.of(pullRequest.repository(),
                pullRequest.head().commit())) {
            problems.add(problem(conversion, lines));
        }
    }

    /**
     * Git reads a pattern in double quotes C-style ({@code "packages/**" text}); JGit, which the check reads attributes
     * with, takes the quotes for part of the pattern and so matches nothing, which would let such a rule through
     * unseen.
     */
    private static Problem quotedPattern(String line) {
        return Problem.error(GitConversions.FILE, "", "the rule " + line + " has its pattern in quotes, which the"
                + " check cannot read as Git does, so it cannot tell which files under packages/ it reaches",
                "write the pattern without quotes, a space in it as '[ ]'");
    }

    private static Problem problem(GitConversions.Conversion conversion, List<String> lines) throws IOException {
        String files = conversion.firstPath() + (conversion.files() > 1 ? " and " + (conversion.files() - 1)
                + " more" : "");
        String differs = "so a version's tarball would not be the one its author's 'prompd pack' printed the"
                + " integrity of, and published versions would show as changed in a fresh clone";
        if (conversion.attribute().isEmpty()) {
            return Problem.error(GitConversions.FILE, "", "files under packages/ (" + files + ") are left to each"
                    + " committer's line-ending settings, the text attribute not being unset for them: Git with"
                    + " core.autocrlf, as on Windows, would commit CRLF files with LF, " + differs, KEEP_AS_WRITTEN);
        }
        String attribute = conversion.attribute().get();
        String effect = conversion.name().equals("text") ? "would convert their line endings as they are committed"
                + " and checked out" : "would store other bytes than the files hold (a filter's pointer, another"
                + " encoding, an expanded $Id$)";
        Problem problem = Problem.error(GitConversions.FILE, "", "sets " + attribute + " for files under packages/ ("
                + files + "): Git " + effect + ", " + differs, "limit the rule to files outside packages/ (as"
                + " '/.github/** " + attribute + "') or remove it; " + KEEP_AS_WRITTEN);
        OptionalInt line = lineSetting(conversion, lines);
        return line.isPresent() ? problem.atLine(line.getAsInt()) : problem;
    }

    /**
     * The last line whose rule names the attribute and matches the first file, which wins there as Git reads the
     * file; none when a macro of the file's own sets it.
     */
    private static OptionalInt lineSetting(GitConversions.Conversion conversion, List<String> lines)
            throws IOException {
        for (int index = lines.size() - 1; index >= 0; index--) {
            AttributesNode node = new AttributesNode();
            node.parse(new ByteArrayInputStream(lines.get(index).getBytes(StandardCharsets.UTF_8)));
            for (AttributesRule rule : node.getRules()) {
                boolean names = rule.getAttributes().stream()
                        .anyMatch(attribute -> attribute.getKey().equals(conversion.name()));
                if (names && rule.isMatch(conversion.firstPath(), false)) {
                    return OptionalInt.of(index + 1);
                }
            }
        }
        return OptionalInt.empty();
    }
}
