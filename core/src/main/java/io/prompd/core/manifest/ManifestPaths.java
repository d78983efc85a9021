package io.prompd.core.manifest;

import com.fasterxml.jackson.core.JsonPointer;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.LeftOut;
import io.prompd.core.problem.Decomposed;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.prompt.WrittenPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that the paths a manifest names ({@code prompts}, {@code main}, {@code readme}, the file of
 * {@code SEE LICENSE IN}) exist in the package and stay inside it. Whether each {@code files} entry names something to
 * pack is the pack selection's question, since only it applies {@code ignore} too; whether the README is text is
 * {@link io.prompd.core.packaging.PackageValidator}'s, which judges it so whether {@code readme} names it or it is
 * chosen without ({@link io.prompd.core.archive.PackageReadme}).
 */
public final class ManifestPaths {

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:.*");
    private static final String NFC_HINT = Decomposed.hint("the path", "package file names are", "prompd.json's");

    private final String file;
    private final Set<String> packagePaths;
    private final Map<String, LeftOut.Reason> leftOut;
    private final Problems problems = new Problems();

    private ManifestPaths(String file, Set<String> packagePaths, Map<String, LeftOut.Reason> leftOut) {
        this.file = file;
        this.packagePaths = Set.copyOf(packagePaths);
        this.leftOut = Map.copyOf(leftOut);
    }

    /**
     * @param manifest     a manifest or the draft of one with errors
     * @param file         the manifest's path, as problems name it
     * @param packagePaths every regular file of the package, relative to its root, with {@code /} separators
     * @param leftOut      the files of the folder that pack leaves out, and why, so that naming one is explained
     * @return the problems, without lines: {@link ManifestResult#locate} adds them
     */
    public static List<Problem> check(FileReferences manifest, String file, Set<String> packagePaths,
            Map<String, LeftOut.Reason> leftOut) {
        return new ManifestPaths(file, packagePaths, leftOut).checkAll(manifest);
    }

    private List<Problem> checkAll(FileReferences manifest) {
        manifest.prompts().forEach((prompt, path) ->
                requirePrompt(pointer(ManifestFields.PROMPTS).appendProperty(prompt), path));
        manifest.main().ifPresent(path -> requirePrompt(pointer(ManifestFields.MAIN), path));
        manifest.readme().ifPresent(path -> requireFile(pointer(ManifestFields.README), path));
        manifest.license().flatMap(LicenseCheck::licenseFile)
                .ifPresent(path -> requireFile(pointer(ManifestFields.LICENSE), path));
        manifest.license().filter(LicenseCheck::needsTermsFile).ifPresent(this::warnWithoutTermsFile);
        return problems.sorted();
    }

    /**
     * A warning, not an error: the license still tells what a user may do, and registries (npm's, crates.io) take a
     * package without its text; but most licenses ask that their text go with every copy, which only a file does.
     */
    private void warnWithoutTermsFile(String license) {
        if (packagePaths.stream().noneMatch(path -> path.indexOf('/') < 0 && LicenseCheck.isTermsFileName(path))) {
            problems.warning(file, pointer(ManifestFields.LICENSE).toString(), TerminalText.oneLine("the license is '"
                    + license + "', but the package has no LICENSE file (nor LICENCE or COPYING) holding its terms"),
                    "add a LICENSE file with the license's text at the package root, or write \"SEE LICENSE IN"
                    + " <file>\" for terms kept in a file of another name");
        }
    }

    private void requireFile(JsonPointer at, String written) {
        meant(at, written).ifPresent(path -> isPackageFile(at, path));
    }

    /** @param path a path as {@link #meant} gives it */
    private boolean isPackageFile(JsonPointer at, String path) {
        if (packagePaths.contains(path)) {
            return true;
        }
        LeftOut.Reason reason = leftOut.get(path);
        if (reason == null && Decomposed.nfcOtherwise(path).filter(packagePaths::contains).isPresent()) {
            problems.error(file, at.toString(), Decomposed.path(path, "the package has the file"), NFC_HINT);
        } else if (reason == null && Decomposed.heldDecomposed(path, packagePaths)) {
            problems.error(file, at.toString(), Decomposed.file(path, "the package has the file"),
                    Decomposed.renameHint(file + " writes it"));
        } else if (reason == null) {
            problems.error(file, at.toString(), "'" + path + "' is not a file of the package", PromptFile.didYouMean(
                    path, path, packagePaths, meant -> meant).map(meant -> meant + " ").orElse("")
                    + "fix the path, relative to the folder of " + file + ", or add the file");
        } else {
            problems.error(file, at.toString(), "'" + path + "' is in the folder but left out of the package: "
                    + reason.why(), reason.howToNeedAnother());
        }
        return false;
    }

    private void requirePrompt(JsonPointer at, String written) {
        Optional<String> path = meant(at, written);
        if (path.isEmpty()) {
            return;
        }
        Optional<Problem> meant = PromptFile.extensionLeftOff(file, at.toString(), path.get(), path.get(),
                packagePaths);
        if (meant.isPresent()) {
            // a prompt file meant without its extension is told only that, not also that no file has the path as
            // written
            problems.add(meant.get());
        } else if (isPackageFile(at, path.get()) && !PromptFile.hasPromptExtension(path.get())) {
            problems.add(PromptFile.notAPromptFile(file, at.toString(), path.get(),
                    "name a prompt file of the package here"));
        }
    }

    /**
     * The path as meant, in its {@link WrittenPaths#normalForm normal form} with {@code /} for each {@code \}, after
     * reporting how it is written otherwise: the rules that follow check that path and quote it, so that writing it as
     * told is not met by another error about the same; empty, reported, when it names no file of the package at all.
     * The registry serves {@code main} and {@code prompts} as written, to be found among the version's files, which
     * {@code nothere/../prompts/x.prmd} or {@code ./prompts/x.prmd} is not, and a file system would not follow
     * {@code nothere/..}.
     */
    private Optional<String> meant(JsonPointer at, String written) {
        Optional<String> unsafe = whyUnsafe(written);
        if (unsafe.isPresent()) {
            problems.error(file, at.toString(), unsafe.get(), "write the path relative to the package root, with '/'");
            return Optional.empty();
        }
        String path = WrittenPaths.normalForm(WrittenPaths.withSlashes(written));
        if (WrittenPaths.climbs(path)) {
            problems.error(file, at.toString(), "'" + written + "' leads outside the package",
                    "name only files inside the package folder");
            return Optional.empty();
        }
        if (path.isEmpty()) {
            problems.error(file, at.toString(), "'" + written + "' names the package's folder, not a file of it",
                    "name a file by its path from the package root");
            return Optional.empty();
        }
        WrittenPaths.miswritten(written, false, file + " names each file by its path from the package root, as the"
                + " registry serves it").ifPresent(message -> problems.error(file, at.toString(), message,
                        "write '" + path + "'"));
        return Optional.of(path);
    }

    /** Why the path names no file of the package whichever way its {@code \} are read. */
    private static Optional<String> whyUnsafe(String written) {
        if (written.isEmpty()) {
            return Optional.of("a path must not be empty");
        }
        String path = WrittenPaths.withSlashes(written);
        if (path.startsWith("/") || WINDOWS_DRIVE.matcher(path).matches()) {
            return Optional.of("'" + written + "' is absolute; package paths are relative to the package root");
        }
        return Optional.empty();
    }

    private static JsonPointer pointer(String field) {
        return JsonPointer.empty().appendProperty(field);
    }
}
