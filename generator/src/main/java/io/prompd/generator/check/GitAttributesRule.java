package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.GitConversions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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
        AttributeLines rules = new AttributeLines(lines);
        for (GitConversions.Conversion conversion : GitConversions.of(pullRequest.repository(),
                pullRequest.head().commit())) {
            problems.add(problem(conversion, rules));
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

    private static Problem problem(GitConversions.Conversion conversion, AttributeLines rules) {
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
        // where a .gitattributes deeper in the tree sets it, no line of this file does
        Optional<AttributeLines.Setting> setting = rules.deciding(conversion.name(), conversion.firstPath())
                .filter(found -> GitConversions.written(found.attribute()).equals(conversion.attribute()));
        Optional<String> macro = setting.flatMap(AttributeLines.Setting::macro);
        String through = macro.map(name -> " (through the macro " + name + setting.get().macroLine().stream()
                .mapToObj(line -> ", defined at line " + line).findFirst().orElse("") + ")").orElse("");
        Problem problem = Problem.error(GitConversions.FILE, "", "sets " + attribute + through + " for files under"
                + " packages/ (" + files + "): Git " + effect + ", " + differs, "limit the rule to files outside"
                + " packages/ (as '/.github/** " + macro.orElse(attribute) + "') or remove it; " + KEEP_AS_WRITTEN);
        return setting.map(found -> problem.atLine(found.line())).orElse(problem);
    }
}
