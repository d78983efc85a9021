package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.source.Utf8;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.GitConversions;
import io.prompd.generator.source.RegistrySnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.attributes.Attribute;

/**
 * A pull request that changes the repository's .gitattributes must leave every file under packages/ stored byte for
 * byte, as the registry template's {@code * -text} does ({@link GitConversions} says why). The attributes a pull
 * request does not touch are the registry's own choice, made before: a check of an unrelated pull request does not
 * hold them against it. A problem is told at the line deciding it, which may be one of a folder's .gitattributes
 * using a macro of the root's.
 */
final class GitAttributesRule implements PullRequestRule {

    private static final String KEEP_AS_WRITTEN = "keep '* -text' as the first rule of .gitattributes, as the"
            + " registry template has it (its comment says why); rules after it may mark binary types 'binary'";

    private static final String DIFFERS = "so a version's tarball would not be the one its author's 'prompd pack'"
            + " printed the integrity of, and published versions would show as changed in a fresh clone";

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        Optional<PullRequest.ChangedFile> changed = pullRequest.changes(ChangedPath.Kind.REPOSITORY_FILE).stream()
                .filter(file -> file.change().path().equals(GitConversions.FILE)).findFirst();
        if (changed.isEmpty()) {
            return;
        }
        List<String> lines = changed.get().change().type() == ChangeType.DELETED ? List.of()
                : pullRequest.repository().read(changed.get().change().newBlob(), ArchiveLimits.DEFAULT)
                .map(GitAttributesRule::lines).orElse(List.of());
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).strip().startsWith("\"")) {
                problems.add(quotedPattern(lines.get(index).strip()).atLine(index + 1));
            }
        }
        AttributeLines rules = new AttributeLines(lines);
        for (GitConversions.Conversion conversion : GitConversions.of(pullRequest.repository(),
                pullRequest.head().commit())) {
            problems.add(markHidesFirstRule(lines, conversion) ? byteOrderMark(lines.get(0), conversion).atLine(1)
                    : problem(conversion, deciding(pullRequest.head(), rules, conversion)));
        }
    }

    private static List<String> lines(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * The line deciding the conversion's attribute for its first file, with the attribute as the conversion has it: in
     * the deepest .gitattributes on the file's way from the root that has one, as a folder's rules override its
     * parents' in Git and JGit alike; none when no line does.
     */
    private static Optional<AttributeLines.Setting> deciding(RegistrySnapshot head, AttributeLines root,
                                                             GitConversions.Conversion conversion) throws IOException {
        String path = conversion.firstPath();
        Optional<AttributeLines.Setting> found = Optional.empty();
        for (int end = path.lastIndexOf('/'); end > 0 && found.isEmpty(); end = path.lastIndexOf('/', end - 1)) {
            String folder = path.substring(0, end);
            found = head.file(folder + "/" + GitConversions.FILE)
                    .flatMap(file -> root.below(folder, lines(file)).deciding(conversion.name(), path));
        }
        return found.or(() -> root.deciding(conversion.name(), path))
                .filter(setting -> GitConversions.written(setting.attribute()).equals(conversion.attribute()));
    }

    /**
     * Whether the file starts with a UTF-8 byte order mark that alone leaves text unspecified for the conversion's
     * first file, the file without it unsetting text there. Git skips the mark where it reads a working tree's
     * .gitattributes, as {@code git add} and {@code git check-attr} do, but reads a committed one as JGit does, the
     * mark part of the first rule's pattern, which then matches nothing: a fresh clone checks files out so.
     */
    private static boolean markHidesFirstRule(List<String> lines, GitConversions.Conversion conversion) {
        if (conversion.attribute().isPresent() || lines.isEmpty() || !lines.get(0).startsWith(Utf8.BYTE_ORDER_MARK)) {
            return false;
        }
        List<String> unmarked = new ArrayList<>(lines);
        unmarked.set(0, Utf8.withoutByteOrderMark(lines.get(0)));
        return new AttributeLines(unmarked).deciding(GitConversions.TEXT, conversion.firstPath())
                .filter(setting -> setting.attribute().getState() == Attribute.State.UNSET).isPresent();
    }

    private static Problem byteOrderMark(String firstLine, GitConversions.Conversion conversion) {
        return Problem.error(GitConversions.FILE, "", "the file starts with a UTF-8 byte order mark (BOM), as"
                + " Notepad's 'UTF-8 with BOM' saves it: Git skips it in a working tree's .gitattributes, as when"
                + " committing, but takes it for part of the first rule's pattern in a committed one, as a fresh"
                + " clone's checkout reads it, so '" + Utf8.withoutByteOrderMark(firstLine) + "' matches"
                + " no file there, and Git with core.autocrlf, as on Windows, would check files under packages/ ("
                + files(conversion) + ") out with CRLF line endings, " + DIFFERS, "save .gitattributes as UTF-8"
                + " without a BOM (in Notepad, Save As with the encoding 'UTF-8'), or remove the mark with"
                + " sed -i '1s/^\\xEF\\xBB\\xBF//' .gitattributes (Git Bash, WSL)");
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

    /** The conversion's first file and how many more it reaches. */
    private static String files(GitConversions.Conversion conversion) {
        return conversion.firstPath() + (conversion.files() > 1 ? " and " + (conversion.files() - 1) + " more" : "");
    }

    private static Problem problem(GitConversions.Conversion conversion, Optional<AttributeLines.Setting> setting) {
        String files = files(conversion);
        Optional<Attribute> macro = setting.flatMap(AttributeLines.Setting::macro);
        String git = macro.filter(written -> written.getState() != Attribute.State.SET).map(written -> "JGit, which"
                + " expands the macro " + written + " where Git expands a macro only as a rule sets it ('"
                + written.getKey() + "'), and so Eclipse's EGit and other tools committing with JGit,").orElse("Git");
        boolean nested = setting.filter(found -> !found.file().equals(GitConversions.FILE)).isPresent();
        if (conversion.attribute().isEmpty()) {
            return placed(Problem.error(GitConversions.FILE, "", "files under packages/ (" + files + ") are left"
                    + " to each committer's line-ending settings, the text attribute not being unset for them"
                    + macro.map(written -> " (by the macro " + written + ")").orElse("") + ": " + git + " with"
                    + " core.autocrlf, as on Windows, would commit CRLF files with LF, " + DIFFERS, KEEP_AS_WRITTEN),
                    setting);
        }
        String attribute = conversion.attribute().get();
        String effect = conversion.name().equals(GitConversions.TEXT) ? "would convert their line endings as they are"
                + " committed and checked out" : "would store other bytes than the files hold (a filter's pointer,"
                + " another encoding, an expanded $Id$)";
        String through = macro.map(written -> " (through the macro " + written.getKey() + setting.get().macroLine()
                .stream().mapToObj(line -> ", defined at line " + line + (nested ? " of " + GitConversions.FILE : ""))
                .findFirst().orElse("") + ")").orElse("");
        return placed(Problem.error(GitConversions.FILE, "", "sets " + attribute + through + " for files under"
                + " packages/ (" + files + "): " + git + " " + effect + ", " + DIFFERS, "limit the rule to files"
                + " outside packages/ (as '/.github/** " + macro.map(Attribute::toString).orElse(attribute) + "') or"
                + " remove it; " + KEEP_AS_WRITTEN), setting);
    }

    /**
     * The problem at the line deciding it, in the file holding that line. A folder's .gitattributes that decides for
     * a file under packages/ lies in packages/ itself, where no rule can keep to files outside it: the hint is to
     * delete the file.
     */
    private static Problem placed(Problem problem, Optional<AttributeLines.Setting> setting) {
        return setting.map(found -> found.file().equals(GitConversions.FILE) ? problem.atLine(found.line())
                : problem.inFile(found.file()).atLine(found.line()).withHint("delete " + found.file() + ": a"
                        + " folder's .gitattributes overrides the root's, whose '* -text' keeps every file under"
                        + " packages/ as written")).orElse(problem);
    }
}
