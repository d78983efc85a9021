package io.prompd.generator.source;

import io.prompd.core.ShellWords;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.LeftOut;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.Packer;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.NameCorrection;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.RepositoryPaths;
import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.VersionFileNames;
import io.prompd.core.version.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where things live in a registry repository: the one place that knows the folder layout, and
 * the one wording of what does not fit it, which the build (listing a whole tree) and the check
 * of a pull request (classifying changed paths) both report. Each misfit is reported at the
 * folder or file that is wrong, not at every file below it.
 */
public final class RepositoryLayout {

    public static final String PACKAGES = RepositoryPaths.PACKAGES;
    static final String MANIFEST = ManifestReader.FILE_NAME;

    private static final String PACKAGE_FOLDERS_HINT =
            "package folders are packages/<name>/<version>/ or packages/@<scope>/<name>/<version>/";

    private static final String VERSION_FOLDER_NAME = "a version folder is named as its version, MAJOR.MINOR.PATCH"
            + " with optional -PRERELEASE and +BUILD, such as 1.2.0 or 2.0.0-beta.1";
    /** How a folder name meant as a version starts, 'v' included, since tags are often written so. */
    private static final Pattern MEANT_AS_VERSION = Pattern.compile("[vV]?[0-9]");

    /** How the repository's root is named where a message names a tree by its path. */
    private static final String ROOT = "the repository's root";
    /** How a hint starts on a Git tree that Git never writes, which only a commit of Git's own replaces. */
    private static final String REWRITE_WITH_GIT = "rewrite the commit with Git itself, which never writes such a"
            + " tree";
    private static final String COMMIT_AGAIN = "commit (amend, or rebase for an older commit) and force-push";
    /** The hint on a commit that holds a tree written by hand, which Git's own commit of the same files replaces. */
    static final String WRITTEN_BY_HAND = REWRITE_WITH_GIT + " (this one was written by hand): add the files again"
            + " with 'git add', " + COMMIT_AGAIN;

    private RepositoryLayout() {
    }

    public static String packageFolder(PackageName name) {
        return PACKAGES + "/" + name;
    }

    public static String versionFolder(PackageName name, Version version) {
        return RepositoryPaths.versionFolder(name, version);
    }

    public static String metaFile(PackageName name) {
        return packageFolder(name) + "/" + PackageMeta.FILE;
    }

    /**
     * A scope folder ({@code packages/@scope}) whose name is no valid scope, with the scope meant where only the case
     * of its letters is wrong: that is the scope whose packages the folder's were meant to be.
     */
    public static Optional<Problem> scopeMisfit(String scope) {
        String lowerCase = scope.toLowerCase(Locale.ROOT);
        String hint = PackageName.check(lowerCase + "/name").isEmpty() ? "scopes are written in small letters, so"
                + " rename the folder to " + PACKAGES + "/" + lowerCase + "/" : "rename the folder to a valid scope,"
                + " such as @my-team";
        return misfit(PackageName.check(scope + "/name"), PACKAGES + "/" + scope, "'" + scope + "' is not a valid"
                + " scope: ", hint);
    }

    /**
     * A package folder ({@code packages/<name>}) whose name is no valid package name, with the fix where there is one:
     * the name meant ({@link NameCorrection}), or the limit a name too long is over.
     */
    public static Optional<Problem> packageNameMisfit(String name) {
        return packageNameMisfit(name, corrected -> Optional.empty());
    }

    /**
     * {@link #packageNameMisfit(String)}, whose hint offers the name meant only when {@code taken} gives no reason
     * it cannot be this folder's: a name another package has would send the folder's versions into that package
     * ({@link MisnamedPackageFolders}).
     *
     * @param taken why the name meant is not this folder's to take, as a clause after the name, such as {@code is an
     *              existing package}; empty when it is free
     */
    static Optional<Problem> packageNameMisfit(String name, Function<PackageName, Optional<String>> taken) {
        String unscoped = name.substring(name.indexOf('/') + 1);
        String hint = NameCorrection.of(name).map(corrected -> corrected.rule() + ", so rename the folder"
                        + taken.apply(corrected.name()).map(why -> " to a name of its own (" + corrected.name() + " "
                                + why + ")").orElse(" to " + packageFolder(corrected.name()) + "/"))
                .orElse(unscoped.length() > PackageName.MAX_PART_LENGTH ? "a package name is at most "
                        + PackageName.MAX_PART_LENGTH + " characters, so rename the folder to a shorter name"
                        : PACKAGE_FOLDERS_HINT);
        return misfit(PackageName.check(name), PACKAGES + "/" + name, "'" + name + "' is not a valid package name: ",
                hint);
    }

    /**
     * A folder inside a package folder whose name is no version. Only a name meant as a version
     * ({@code v2}, {@code 1.2}) is told what breaks the grammar and to be renamed; any other, such
     * as {@code prompts} or {@code package} (a tarball unpacked whole), holds a package's files put
     * straight into its folder, which the grammar's details would only mislead about. A version
     * whose file names would not fit ({@link VersionFileNames#tooLong}) is refused here too, so
     * that the check and the build both name it rather than the build failing at the file. A version folder inside
     * an unscoped package's folder that is no version ({@code packages/common/tips/1.0.0}) tells a scoped package
     * whose scope's folder lacks its '@', and the hint names where it belongs.
     *
     * @param versionInside a version folder the folder holds, if it holds any
     */
    public static Optional<Problem> versionFolderMisfit(PackageName name, String folder,
                                                        Optional<Version> versionInside) {
        List<String> violations = Version.check(folder);
        if (violations.isEmpty()) {
            return VersionFileNames.tooLong(name, Version.parse(folder)).map(tooLong -> Problem.error(
                    packageFolder(name) + "/" + folder, "", tooLong, "rename the folder, and the version in its "
                            + MANIFEST + ", to a shorter version"));
        }
        boolean meantAsVersion = MEANT_AS_VERSION.matcher(folder).lookingAt();
        return misfit(meantAsVersion ? Stream.concat(violations.stream(), Stream.of(VERSION_FOLDER_NAME)).toList()
                        : List.of(VERSION_FOLDER_NAME), packageFolder(name) + "/" + folder,
                "the folder '" + folder + "' of " + name + " is not a version: ",
                meantAsVersion ? "name each version folder after its exact version, such as 1.2.3"
                        : versionInside.flatMap(version -> scopeWithoutAt(name, folder, version))
                        .orElseGet(() -> unpackIntoVersionFolder(name)));
    }

    /** Where the version belongs when the package folder holding it is read as a scope's folder with its '@'. */
    private static Optional<String> scopeWithoutAt(PackageName name, String folder, Version version) {
        String scopedName = "@" + name + "/" + folder;
        if (name.isScoped() || !PackageName.check(scopedName).isEmpty()) {
            return Optional.empty();
        }
        PackageName scoped = PackageName.parse(scopedName);
        return Optional.of("it holds the version folder " + version + ", so it is the folder of a package, and a scoped"
                + " package's is packages/@<scope>/<name>/ with the '@': move it to " + packageFolder(scoped)
                + "/, which puts " + version + " at " + versionFolder(scoped, version) + "/");
    }

    /**
     * Why two version folders of one package cannot both be published, if they cannot. Versions
     * that differ only in build metadata ({@code 1.0.0+a}, {@code 1.0.0}) have the same SemVer
     * precedence, so to a resolver and a lock file they are one version. Versions that differ only
     * in letter case ({@code 2.0.0-RC.1}, {@code 2.0.0-rc.1}) are two, but their folders, documents
     * and installed copies would be one on the case-insensitive file systems of macOS and Windows.
     */
    public static Optional<String> versionClash(Version one, Version other) {
        if (one.equals(other)) {
            return Optional.empty();
        }
        if (one.samePrecedence(other)) {
            return Optional.of("build metadata does not make another version");
        }
        if (one.toString().toLowerCase(Locale.ROOT).equals(other.toString().toLowerCase(Locale.ROOT))) {
            return Optional.of("versions that differ only in letter case would be one folder on macOS and Windows");
        }
        return Optional.empty();
    }

    /**
     * The fix for a meta.json entry naming no version folder of the package: the folder it meant, when one differs
     * from it only in build metadata or letter case, as {@code prompd} resolves it, since meta.json names versions
     * exactly; else a version the package has. The layout allows one such folder at most.
     */
    public static String exactVersionHint(PackageName name, Version named, SortedMap<Version, ?> folders) {
        if (folders.isEmpty()) {
            return "remove the entry: " + name + " has no version folder";
        }
        return folders.keySet().stream().filter(folder -> versionClash(named, folder).isPresent()).findFirst()
                .map(folder -> "write " + folder + ", the folder's exact name: meta.json names versions exactly,"
                        + " build metadata and letter case included")
                .orElse("name the exact version of a folder of the package, such as " + folders.lastKey())
                + ", or remove the entry";
    }

    /**
     * Where maintainers and authors read how a takedown goes: the section of the README every registry starts from
     * ({@code index-template/README.md}), as the check's and the build's hints name it.
     */
    public static final String TAKEDOWN_SECTION = "\"Take a version down\" in the registry's README";

    /**
     * Why a version folder clashing with a takedown record ({@link #versionClash}) is refused, as the check of a pull
     * request adding one and the build of a commit holding one both say.
     */
    public static final String NUMBER_STAYS_TAKEN = "a number taken down stays taken, since lock files pin its old"
            + " content";

    /** {@code was taken down ("why", packages/a/meta.json)}: a takedown record, as a refusal of its number names it. */
    public static String takenDown(PackageName name, String reason) {
        return "was taken down (\"" + reason + "\", " + metaFile(name) + ")";
    }

    /** A file where a scope or package folder belongs, such as {@code packages/notes.txt}. */
    public static Problem fileInsteadOfPackageFolder(String path) {
        return Problem.error(path, "", "packages/ holds only package folders (and scope folders of packages),"
                + " but this is a file", PACKAGE_FOLDERS_HINT);
    }

    /**
     * A file in a package folder other than its meta.json. A manifest or a tarball there is a package's files put
     * there, or to be, with no version folder; a file pack never packs, such as a .gitattributes, a version folder
     * refuses too, so the hint sends it nowhere else.
     */
    public static Problem strayFileInPackageFolder(PackageName name, String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        Optional<LeftOut.Reason> neverPacked = PackSelector.leftOutAnyway(file);
        boolean packageFiles = file.equals(MANIFEST) || neverPacked.equals(Optional.of(LeftOut.Reason.TARBALL));
        String hint = packageFiles ? unpackIntoVersionFolder(name) : neverPacked.map(reason -> "delete it: a version"
                + " folder refuses it too, as " + reason.why() + (file.equalsIgnoreCase(GitConversions.FILE)
                ? "; attributes for the registry's files are the rules of its root .gitattributes, whose '* -text'"
                + " stores every file under packages/ as written" : ""))
                .orElse("put the file into a version folder, packages/" + name + "/<version>/");
        return Problem.error(path, "", "the folder of " + name + " holds only version folders and an optional "
                + PackageMeta.FILE, hint);
    }

    private static String unpackIntoVersionFolder(PackageName name) {
        String folder = packageFolder(name) + "/VERSION";
        return "a package's files go in a version folder, " + folder + "/: unpack its tarball there with '"
                + Packer.UNPACK_COMMAND + " -C " + folder + "'";
    }

    /**
     * A submodule entry (a Git link) where the layout wants a folder of files: a package copied
     * together with its own .git folder, which {@code git add} records as a link to a commit of
     * another repository, so none of its files reach the registry.
     */
    public static Problem embeddedRepository(String path) {
        return Problem.error(path, "", "this is an embedded Git repository (a submodule entry), not a folder of"
                + " files: it was added with its own .git folder, so none of its files are in the commit",
                "remove the inner .git folder (rm -rf " + ShellWords.path(path + "/.git") + "), then run 'git rm"
                        + " --cached " + ShellWords.path(path) + "' and 'git add " + ShellWords.path(path) + "' to"
                        + " commit its files");
    }

    /**
     * A symbolic link where the layout wants a scope, package or version folder, or a meta.json: Git records only
     * the path it points to, and the registry follows no link, so it is no second name for what it points to.
     */
    public static Problem symbolicLink(String path) {
        return Problem.error(path, "", "this is a symbolic link, not a folder or file of its own: Git records only the"
                + " path it points to, and the registry follows no link", "replace the link by the real folder or file"
                + " it stands for, or remove it with 'git rm " + ShellWords.path(path) + "'");
    }

    /**
     * A name that a Git tree holds twice, at its repository path: what {@code git fsck} calls duplicateEntries, which
     * Git never writes but a tool writing trees by hand ({@code git mktree}) may. Which of the two entries a
     * checkout, the registry or a reviewer's tool takes is up to each, so none of them may be taken for the other.
     */
    public static Problem namedTwice(String path) {
        int slash = path.lastIndexOf('/');
        String tree = slash < 0 ? ROOT : path.substring(0, slash);
        // the name is the pull request's, and the message quotes it
        return Problem.error(path, "", TerminalText.oneLine("the Git tree of " + tree + " holds "
                + path.substring(slash + 1) + " twice (what git fsck calls duplicateEntries), so which of the two"
                + " counts depends on the tool reading it"), REWRITE_WITH_GIT + ": take the path out of the index ('git"
                + " rm --cached -r " + ShellWords.path(path) + "'), add the one you mean again, " + COMMIT_AGAIN);
    }

    /**
     * An entry of a Git tree whose name is no single name ({@link TreeEntryName#isOneName}), at the tree holding it (no
     * file for the repository's root): Git never writes one, but a tool writing trees by hand may. Read by its path,
     * an entry of packages/ named {@code a/1.0.0/notes.md} passes for a file of packages/a/1.0.0, whose own tree
     * holds none, so that the check, the build and a checkout could each read other files there.
     */
    static Problem notOneName(TreeEntryName entry) {
        String name = entry.name();
        String tree = entry.tree().isEmpty() ? ROOT : entry.tree();
        String why = name.isEmpty() ? "it is empty"
                : name.equals(".") ? "a path reads '.' as the folder itself"
                : name.equals("..") ? "a path reads '..' as the folder above"
                : "it holds '/', so its path, " + entry.tree() + (entry.tree().isEmpty() ? "" : "/") + name
                + ", passes for one in other folders";
        // the name is the pull request's, and the message quotes it
        return Problem.error(entry.tree(), "", TerminalText.oneLine("the Git tree of " + tree + " holds an entry named "
                + TerminalText.quoted(name) + ", which is no single name: " + why + "; Git never writes such a"
                + " name, so what a reader finds there depends on the tool reading it"), WRITTEN_BY_HAND);
    }

    /**
     * A symbolic link whose entry holds no blob, the target Git writes, but a tree: refused as a link elsewhere, but
     * merged, the registry's history keeps the tree written by hand however a later commit changes the file.
     */
    public static Problem linkHoldingNoBlob(String path) {
        return Problem.error(path, "", "the Git tree holds this symbolic link with a tree where its target belongs;"
                + " Git never writes such a link, and a later commit removing it leaves it in the history merged",
                WRITTEN_BY_HAND);
    }

    private static Optional<Problem> misfit(List<String> violations, String place, String what, String hint) {
        return violations.isEmpty()
                ? Optional.empty()
                // the folder's name is the pull request's, and the message quotes it
                : Optional.of(Problem.error(place, "", TerminalText.oneLine(what + String.join("; ", violations)),
                        hint));
    }

    /**
     * The package whose folder holds the path ({@code packages/<name>/...}: its meta.json, or a file of one of its
     * versions), or empty for any other path, including folders that are not a valid name.
     */
    static Optional<PackageName> folderOwner(String path) {
        String[] parts = path.split("/", -1);
        int nameParts = parts.length > 1 && parts[1].startsWith("@") ? 2 : 1;
        if (parts.length <= nameParts + 1 || !parts[0].equals(PACKAGES)) {
            return Optional.empty();
        }
        String name = String.join("/", Arrays.copyOfRange(parts, 1, 1 + nameParts));
        return PackageName.check(name).isEmpty() ? Optional.of(PackageName.parse(name)) : Optional.empty();
    }

    /**
     * The version whose manifest is at the path ({@code packages/<name>/<version>/prompd.json}),
     * or empty for any other path, including folders that are not a valid name or version.
     */
    static Optional<PackageVersion> manifestOwner(String path) {
        return path.endsWith("/" + MANIFEST) && path.split("/", -1).length == (isScoped(path) ? 5 : 4)
                ? versionOwner(path) : Optional.empty();
    }

    /**
     * The version whose folder holds the path ({@code packages/<name>/<version>/...}, at any depth), or empty for any
     * other path, including folders that are not a valid name or version.
     */
    static Optional<PackageVersion> versionOwner(String path) {
        String[] parts = path.split("/", -1);
        Optional<PackageName> name = folderOwner(path);
        int versionAt = isScoped(path) ? 3 : 2;
        if (name.isEmpty() || parts.length <= versionAt + 1 || !Version.isValid(parts[versionAt])) {
            return Optional.empty();
        }
        return Optional.of(new PackageVersion(name.get(), Version.parse(parts[versionAt])));
    }

    private static boolean isScoped(String path) {
        return path.startsWith(PACKAGES + "/@");
    }
}
