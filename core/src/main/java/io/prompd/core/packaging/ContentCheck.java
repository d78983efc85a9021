package io.prompd.core.packaging;

import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.SuspectCharacters;
import io.prompd.core.prompt.LocalReference;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.prompt.PromptPart;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.source.Utf8;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The bytes of the files a package packs: text is UTF-8; a binary file (one holding a NUL byte or
 * bytes that are not UTF-8) is allowed only as a context file, named by a prompt's
 * {@code context} / {@code contexts} or lying in a {@code contexts/} folder, and only of a binary kind prompd knows
 * ({@link BinaryKinds}), any other a model reads as text; and no file holds a
 * likely credential, binary ones included, as far as their bytes read as text, nor is a prompd configuration holding
 * a stored password or token ({@link Secrets#inFile}).
 * Nor does a text file hold a control character, a line or paragraph separator, a bidi control or a tag character,
 * and holding another invisible character, a zero-width space, a soft hyphen or a blank filler, is a warning
 * ({@link SuspectCharacters#IN_TEXT_FILES}): the registry's review is a reading of the pull request's diff, which would
 * show the text otherwise than a terminal showing the installed file, or a model, takes it. A line
 * {@code prompd init} left for the author's license text ({@link LicensePlaceholder}) is warned of wherever it is still
 * packed. The package's README is text, a context file
 * too ({@link #readmeNotText}).
 */
public final class ContentCheck {

    private static final String CONTEXTS_FOLDER = "contexts";

    private static final String CONTEXT_HINT = "a binary file a prompt includes, of a binary kind ("
            + BinaryKinds.EXAMPLES + ", ...), goes under contexts/ or is named in the prompt's context";

    /**
     * How a Git LFS pointer starts: a registry builds from Git objects, where LFS keeps this small
     * text in place of the file, and a clone without LFS checks the same text out.
     */
    private static final String LFS_POINTER = "version https://git-lfs.github.com/spec/v1\n";

    private ContentCheck() {
    }

    /**
     * @param files  the packed regular files within the per-file limit, the only ones read
     * @param readme the package's README, whose encoding {@link #readmeNotText} judges, not this
     */
    static List<Problem> check(PackageSource source, List<SourceEntry> files, SortedMap<String, PromptFile> prompts,
                               Optional<String> readme) throws IOException {
        SortedSet<String> contextFiles = contextFiles(prompts);
        List<Problem> problems = new ArrayList<>();
        for (SourceEntry entry : files) {
            byte[] bytes = source.read(entry.path());
            Optional<String> text = Utf8.text(bytes);
            check(entry.path(), bytes, text, contextFiles, readme.filter(entry.path()::equals).isPresent(), problems);
            text.ifPresent(content -> problems.addAll(suspectCharacters(entry.path(), content,
                    firstFreeLine(entry.path(), prompts))));
            text.ifPresent(content -> problems.addAll(LicensePlaceholder.find(entry.path(), content)));
        }
        return problems;
    }

    /**
     * The first line of a file that no reader checks for {@linkplain SuspectCharacters suspect characters} already:
     * none of the manifest, whose reader checks every string and name, and a prompt's body, its front matter being its
     * reader's.
     */
    private static int firstFreeLine(String path, SortedMap<String, PromptFile> prompts) {
        if (path.equals(ManifestReader.FILE_NAME)) {
            return Integer.MAX_VALUE;
        }
        PromptFile prompt = prompts.get(path);
        return prompt == null ? 1 : prompt.bodyLine();
    }

    /**
     * The suspect characters of a text file from line {@code from} on, each kind at the first line holding some, but
     * the byte order mark it may start with, which no editor shows and no position counts.
     */
    private static List<Problem> suspectCharacters(String path, String written, int from) {
        String text = Utf8.withoutByteOrderMark(written);
        // nearly every file holds none: looked for first without the file's lines
        if (SuspectCharacters.IN_TEXT_FILES.stream().allMatch(rule -> rule.noneIn(text))) {
            return List.of();
        }
        List<String> lines = SuspectCharacters.lines(text);
        return from > lines.size() ? List.of()
                : SuspectCharacters.atFirstLine(path, lines.subList(from - 1, lines.size()), from,
                        SuspectCharacters.IN_TEXT_FILES);
    }

    private static void check(String path, byte[] bytes, Optional<String> text, SortedSet<String> contextFiles,
                              boolean readme, List<Problem> problems) {
        if (text.isEmpty() && !readme) {
            notText(path, bytes, contextFiles.contains(path) || inContextsFolder(path)).ifPresent(problems::add);
        }
        if (text.filter(content -> content.startsWith(LFS_POINTER)).isPresent()) {
            problems.add(Problem.error(path, "", "the file is a Git LFS pointer, not the file itself, and the pointer"
                    + " is what would be packed", "commit the file itself: keep the package's files out of LFS"
                    + " patterns in .gitattributes (or run 'git lfs pull' where the pointer was checked out)"));
        }
        problems.addAll(Secrets.inFile(path, bytes, text));
    }

    /**
     * A file that is not UTF-8 text where only context files may be other, or a context file of no binary kind
     * ({@link BinaryKinds}): binary (it holds a NUL byte), said with the line of its first one, or text saved in
     * another encoding, said with the line of its first foreign byte, UTF-16 without a byte order mark among them,
     * whose NUL bytes would otherwise call it binary. The manifest is left to its reader, which says what its NUL bytes
     * or encoding are, and so is the encoding of prompt files.
     *
     * @param context whether the file is a context file, which may be of a binary kind
     */
    private static Optional<Problem> notText(String path, byte[] bytes, boolean context) {
        if (path.equals(ManifestReader.FILE_NAME) || context && BinaryKinds.known(path, bytes)) {
            return Optional.empty();
        }
        // a model reads a context of no binary kind as text (a .sql, a .py, a template, a file without an extension):
        // taken as binary, it would escape every rule on characters, and Git diffs no binary file
        String binaryBecause = context ? ", and a context file that is of no binary kind prompd knows ("
                + BinaryKinds.EXAMPLES + ", ...) must be UTF-8 text: a model reads it as text, while taken as binary no"
                + " check of its characters reads it, and a diff may show no more than 'Binary files differ'"
                : ", and only context files may be";
        String binaryHint = context ? Utf8.HINT + ", without NUL bytes; a binary context file is one of those kinds,"
                + " with its extension, such as .png, .pdf or .docx" : CONTEXT_HINT;
        if (isBinary(bytes) && Utf8.unmarkedUtf16(bytes).isEmpty()) {
            return Optional.of(atFirstForeignByte(path, bytes, binaryBecause, binaryHint));
        }
        if (PromptFile.hasPromptExtension(path)) {
            return Optional.empty();
        }
        return Optional.of(context ? atFirstForeignByte(path, bytes, binaryBecause, binaryHint)
                : atFirstForeignByte(path, bytes, "", Utf8.HINT + "; " + CONTEXT_HINT));
    }

    /**
     * The error of the package's README ({@link io.prompd.core.archive.PackageReadme}) whose bytes {@link #text} does
     * not read, binary or text in another encoding, at the line of its first foreign byte, a NUL byte of a binary file
     * or of UTF-16 without a byte order mark among them: the registry's version
     * document serves the README as text and {@code prompd info} shows it, so it is UTF-8 text, whether the
     * manifest's {@code readme} names it or it is chosen without one, and even when a prompt takes it as a context
     * file. The one rule and message of validate, pack and the registry's check and build.
     */
    static Problem readmeNotText(String path, byte[] bytes) {
        return atFirstForeignByte(path, bytes, ", and the registry serves the package's README as text",
                Utf8.HINT + ", or name in " + ManifestReader.FILE_NAME + "'s \"" + ManifestFields.README
                        + "\" a Markdown or text file saved so");
    }

    /**
     * The error of bytes {@link #text} does not read, at the line of the first byte that keeps them from being UTF-8
     * text: the first NUL byte of a binary file (UTF-16 without a byte order mark among them), else the first byte
     * UTF-8 does not allow where it is.
     *
     * @param because what makes that an error here, after what the bytes are
     */
    private static Problem atFirstForeignByte(String path, byte[] bytes, String because, String hint) {
        if (isBinary(bytes)) {
            Utf8.Nul nul = Utf8.firstNul(bytes).orElseThrow();
            return Problem.error(path, "", nul.message() + because, hint).atLine(nul.line());
        }
        Utf8.Fault fault = Utf8.firstFault(bytes).orElseThrow();
        return Problem.error(path, "", fault.message() + because, hint).atLine(fault.line());
    }

    /** Whether the bytes are binary: NUL bytes that no byte order mark of UTF-16 or UTF-32 explains. */
    private static boolean isBinary(byte[] bytes) {
        return hasNul(bytes) && Utf8.encodingByMark(bytes).isEmpty();
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean inContextsFolder(String path) {
        String[] segments = path.split("/");
        for (int index = 0; index < segments.length - 1; index++) {
            if (segments[index].equals(CONTEXTS_FOLDER)) {
                return true;
            }
        }
        return false;
    }

    /** Package paths named by a {@code context} or {@code contexts} entry of any prompt. */
    private static SortedSet<String> contextFiles(SortedMap<String, PromptFile> prompts) {
        SortedSet<String> files = new TreeSet<>();
        for (Map.Entry<String, PromptFile> prompt : prompts.entrySet()) {
            for (PromptPart part : prompt.getValue().contexts()) {
                if (part instanceof PromptPart.FilePart filePart
                        && filePart.reference() instanceof LocalReference local) {
                    local.resolveFrom(prompt.getKey()).ifPresent(files::add);
                }
            }
        }
        return files;
    }
}
