package io.prompd.client.pack;

import io.prompd.client.config.Settings;
import io.prompd.client.install.InstalledVersions;
import io.prompd.client.install.Project;
import io.prompd.client.install.store.InstalledCopy;
import io.prompd.core.ExitCode;
import io.prompd.core.PackageSteps;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SortedCopies;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackResult;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.Packer;
import io.prompd.core.files.Folders;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Problem;
import io.prompd.core.prompt.DependencyFiles;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.version.VersionRange;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Validates a package folder and, when it has no errors, packs it into a reproducible tarball. */
public final class PackService {

    private static final int TAR_HEADER_SIZE = 512;
    private static final int TAR_MAGIC_OFFSET = 257;
    private static final String TAR_MAGIC = "ustar";
    private static final String OUTSIDE_THE_PACKAGE = "give --out the package folder itself, or a folder outside the"
            + " package";

    private static final String LOCKED = "the version prompd.lock pins";

    private final PackageValidator validator;
    private final Optional<Path> home;

    /**
     * For the package in the folder the run is in.
     *
     * @param home     the prompd home in use, left out of a package it lies in; empty when none is usable
     * @param commands how the problems' hints spell the prompd commands they suggest
     */
    public PackService(ArchiveLimits limits, Optional<Path> home, SuggestedCommands commands) {
        this(limits, home, commands, PackageSteps.here(commands));
    }

    /**
     * @param home     the prompd home in use, left out of a package it lies in; empty when none is usable
     * @param commands how the problems' hints spell the prompd commands they suggest
     * @param steps    how they name the package's prompd.json and the install in its folder, from where the run is
     */
    public PackService(ArchiveLimits limits, Optional<Path> home, SuggestedCommands commands, PackageSteps steps) {
        this.validator = new PackageValidator(limits, commands, steps);
        this.home = Objects.requireNonNull(home, "home");
    }

    /**
     * What {@code prompd validate} finds in a package.
     *
     * @param report    every problem, those with the files taken from other packages included
     * @param unchecked the dependencies whose files the prompts take but whose version is not installed
     * @param outOfDate the dependencies whose files the prompts take but whose version prompd.lock pins outside the
     *                  declared range, so that they went unchecked too
     * @param repaired  what killed runs had left at the package's root, deleted first
     */
    public record Validation(PackageReport report, SortedSet<PackageName> unchecked, SortedSet<PackageName> outOfDate,
                             List<Path> repaired) {

        public Validation {
            Objects.requireNonNull(report, "report");
            unchecked = SortedCopies.set(unchecked);
            outOfDate = SortedCopies.set(outOfDate);
            repaired = List.copyOf(repaired);
        }
    }

    /**
     * Validates the package as pack would, and looks for each file its prompts take from another
     * package in the version {@code installed} gives, checking one a template loads as a template. Pack leaves that
     * out: a tarball's validity
     * does not depend on what this machine has installed, and the registry's check looks in the
     * versions it resolves.
     */
    public Validation validate(Path folder, InstalledVersions installed) throws IOException {
        List<Path> repaired = removeLeftovers(folder);
        PackageReport report = validator.validate(new DirectorySource(folder), homeIn(folder), installed::within);
        SortedMap<PackageName, VersionRange> declared = report.draft().dependencies();
        DependencyFiles.Result taken = DependencyFiles.check(report.prompts(), installed.within(declared), LOCKED);
        // a package that is no dependency has its error already, which says to declare it
        Map<Boolean, SortedSet<PackageName>> stale = taken.unchecked().stream().filter(declared::containsKey)
                .collect(Collectors.partitioningBy(name -> installed.outOfDate(declared, name),
                        Collectors.toCollection(TreeSet::new)));
        return new Validation(report.withProblems(taken.problems()), stale.get(false), stale.get(true), repaired);
    }

    /**
     * The path in the package of the prompd home in use, when it lies inside: its credentials and installed packages
     * are never the package's, as npm never packs .npmrc. Real paths are compared, as a link may lead either way.
     *
     * @throws PrompdException CONFLICT when the package folder is the home itself, whose files pack cannot tell from
     *                         the package's
     */
    private Optional<String> homeIn(Path folder) throws IOException {
        if (home.isPresent() && Files.isDirectory(home.get())
                && Folders.real(home.get()).equals(Folders.real(folder))) {
            throw new PrompdException(ExitCode.CONFLICT, "the package folder " + folder + " is the prompd home in use:"
                    + " its " + Settings.CONFIG_FILE_NAME + " holds the credentials 'prompd login' stores, and its "
                    + Settings.PACKAGES_FOLDER_NAME + "/ folder the installed packages, which pack would take for the"
                    + " package's", "keep the prompd home outside package folders: point $" + Settings.HOME_VARIABLE
                    + " or --home at another folder");
        }
        return homeWithin(folder);
    }

    /** The path in the package of the prompd home in use, when it lies below the package's folder. */
    private Optional<String> homeWithin(Path folder) throws IOException {
        return home.isPresent() && Files.isDirectory(home.get()) ? Folders.pathWithin(folder, home.get())
                : Optional.empty();
    }

    /**
     * The errors of the package's files over the limits, each file's size, their count and their total, as
     * {@link #validate} finds them, without reading the files: for init to tell that validate and pack will refuse
     * the package it wrote. A package folder that is the home in use, which they refuse whole, is measured as it is.
     */
    public List<Problem> overLimits(Path folder) throws IOException {
        return validator.overLimits(new DirectorySource(folder), homeWithin(folder));
    }

    /**
     * Deletes what killed runs left at the package's root ({@link Project#removeLeftovers}), where this
     * user may: the selection leaves such files out anyway, so one that stays harms no package, and
     * validate, which only reads, must not fail on a folder it may not change.
     */
    private static List<Path> removeLeftovers(Path folder) {
        try {
            return Project.removeLeftovers(folder);
        } catch (IOException notDeleted) {
            return List.of();
        }
    }

    /** Where a tarball goes: a file by that name, or a folder (created when missing) for {@link #defaultFileName}. */
    public record Target(Path path, boolean isFolder) {

        public Target {
            Objects.requireNonNull(path, "path");
        }

        public static Target file(Path file) {
            return new Target(file, false);
        }

        public static Target folder(Path folder) {
            return new Target(folder, true);
        }
    }

    /** Packs the folder unless validation found errors, in which case the report says why and nothing is written. */
    public PackOutcome pack(Path folder, Target target) throws IOException {
        return pack(folder, (source, report, manifest) -> {
            Path tarball = target.isFolder() ? target.path().resolve(defaultFileName(manifest)) : target.path();
            InstalledCopy.requireOutside(tarball.toAbsolutePath().normalize().getParent(),
                    home.map(Settings::packagesFolder), "to pack it as it is, give --out a folder outside it");
            requireNoFileInTheWay(tarball, folder);
            requireOutsideThePackage(tarball, folder, manifest);
            if (!target.isFolder()) {
                requireFolderOf(tarball);
            }
            requireReplaceable(tarball, folder, report);
            // a pack killed where its exit hooks never ran (kill -9, a power cut) left its temporary beside the
            // tarball, in a folder of the user's where no other run looks
            List<Path> leftovers = TemporaryFiles.removeOrphansOf(tarball);
            PackResult result = Packer.packToFile(source, report.selection(), tarball);
            return new PackOutcome.Tarball(Optional.of(tarball), result, leftovers);
        });
    }

    /**
     * Packs the folder into {@code out}, left open, as {@link #pack(Path, Target)} into a file: standard output, for
     * {@code pack --out -}. A package with errors writes nothing there.
     */
    public PackOutcome pack(Path folder, OutputStream out) throws IOException {
        return pack(folder, (source, report, manifest) ->
                new PackOutcome.Tarball(Optional.empty(), Packer.pack(source, report.selection(), out), List.of()));
    }

    /** Writes the tarball of a package that validation found packable. */
    private interface TarballWriter {
        PackOutcome.Tarball write(DirectorySource source, PackageReport report, Manifest manifest) throws IOException;
    }

    private PackOutcome pack(Path folder, TarballWriter writer) throws IOException {
        List<Path> repaired = removeLeftovers(folder);
        DirectorySource source = new DirectorySource(folder);
        PackageReport report = validator.validate(source, homeIn(folder));
        Optional<Manifest> manifest = report.packable();
        if (manifest.isEmpty()) {
            return new PackOutcome(report, Optional.empty(), repaired);
        }
        return new PackOutcome(report, Optional.of(writer.write(source, report, manifest.get())), repaired);
    }

    /**
     * A tarball in a folder of the package would be packed by the next pack, as a binary file that
     * is no context file, unless {@code ignore} or {@code files} leave its path out, as npm packs into an ignored
     * {@code dist/}; at the package's root it is left out, as pack's own default place. Real
     * paths are compared: through a link to a folder of the package, the tarball lands there all the same.
     */
    private static void requireOutsideThePackage(Path tarball, Path folder, Manifest manifest) throws IOException {
        Path parent = tarball.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            return;
        }
        Path real = Folders.real(parent);
        Path root = Folders.real(folder);
        if (!real.startsWith(root) || real.equals(root)) {
            return;
        }
        String path = root.relativize(real.resolve(tarball.getFileName())).toString().replace('\\', '/');
        if (PackSelector.leftOut(path, manifest.files(), manifest.ignore()).isEmpty()) {
            throw new PrompdException(ExitCode.CONFLICT, "refusing to write the tarball into " + parent
                    + (real.equals(parent) ? "" : ", which leads to " + real) + ", a folder of the package: the next"
                    + " pack would pack it, as neither \"ignore\" nor \"files\" in prompd.json leaves " + path + " out",
                    "give --out the package folder itself, a folder outside the package, or one that \"ignore\" leaves"
                            + " out");
        }
    }

    /**
     * Something other than a folder where the tarball's folder, or one above it, should be stops the
     * writing with "already exists" or "Not a directory", naming neither what stands there nor what to do.
     */
    private static void requireNoFileInTheWay(Path tarball, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Optional<Path> inTheWay = Folders.fileInTheWay(tarball.toAbsolutePath().normalize().getParent());
        if (inTheWay.isPresent()) {
            Path above = inTheWay.get();
            boolean ofThePackage = above.startsWith(root);
            throw new PrompdException(ExitCode.CONFLICT, above + " is " + kind(above)
                    + (ofThePackage ? " of the package" : "") + ", not a folder: no tarball can be written into it",
                    ofThePackage ? OUTSIDE_THE_PACKAGE : "rename or remove it, or give --out another path");
        }
    }

    /**
     * A file is written into a folder that exists, as {@code tar -cf} and {@code curl -o} do: a
     * mistyped folder would otherwise be created, and the tarball be missed where it was expected.
     */
    private static void requireFolderOf(Path tarball) {
        Path parent = tarball.toAbsolutePath().normalize().getParent();
        if (parent != null && Files.notExists(parent)) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no folder " + parent + " to write the tarball "
                    + tarball.getFileName() + " into", "create it first (mkdir -p " + ShellWords.path(parent.toString())
                    + "), or end --out with"
                    + " '/' to have pack create the folder and name the tarball");
        }
    }

    /**
     * The tarball replaces whatever has its name, so only an earlier tarball may stand there, as npm
     * repacks over its own: anything else (the package's own manifest, a link, whose target the
     * tarball would replace, a device) would be lost without a word.
     *
     * @throws PrompdException CONFLICT when something else stands there
     */
    private static void requireReplaceable(Path tarball, Path folder, PackageReport report) throws IOException {
        if (!Files.exists(tarball, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(tarball, LinkOption.NOFOLLOW_LINKS)) {
            throw notReplaced(tarball, "it is " + kind(tarball));
        }
        for (SourceEntry entry : report.selection().included()) {
            if (Files.isSameFile(tarball, folder.resolve(entry.path()))) {
                throw notReplaced(tarball, "it is the package's own " + entry.path() + ", which it packs");
            }
        }
        if (!isPackedTarball(tarball)) {
            throw notReplaced(tarball, "it is not a package tarball, as an earlier pack would have written");
        }
    }

    /**
     * Whether the file is a gzip tarball whose first entry lies in {@code package/}, as every
     * tarball pack writes: any gzip file (a database dump) is not.
     */
    private static boolean isPackedTarball(Path file) throws IOException {
        byte[] header = new byte[TAR_HEADER_SIZE];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return false;
            }
        } catch (ZipException | EOFException notGzip) {
            return false;
        }
        String name = new String(header, 0, Packer.ROOT.length(), StandardCharsets.US_ASCII);
        String magic = new String(header, TAR_MAGIC_OFFSET, TAR_MAGIC.length(), StandardCharsets.US_ASCII);
        return name.equals(Packer.ROOT) && magic.equals(TAR_MAGIC);
    }

    /** What stands at a path that exists; a symbolic link is told as one, whatever it points to. */
    private static String kind(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a folder";
        }
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? "a file" : "a device, pipe or socket";
    }

    private static PrompdException notReplaced(Path tarball, String why) {
        return new PrompdException(ExitCode.CONFLICT, "refusing to write the tarball over " + tarball + ": " + why,
                "give --out a new file name or a folder, or move that file away first");
    }

    /** {@code scope-name-1.0.0.tgz}, as npm names the tarball of {@code @scope/name@1.0.0}. */
    public static String defaultFileName(Manifest manifest) {
        String scope = manifest.name().isScoped() ? manifest.name().scope() + "-" : "";
        return scope + manifest.name().name() + "-" + manifest.version() + ".tgz";
    }
}
