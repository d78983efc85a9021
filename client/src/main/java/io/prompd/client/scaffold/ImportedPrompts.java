package io.prompd.client.scaffold;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.PackagePaths;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.prompt.LoadedTemplates;
import io.prompd.core.prompt.LocalReference;
import io.prompd.core.prompt.PackageReference;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.prompt.PromptParser;
import io.prompd.core.prompt.Reference;
import io.prompd.core.prompt.ReferenceSite;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loose prompt files turned into package content for {@code prompd init --from}: the prompts and
 * the local files they reference, copied under {@code prompts/} with their relative layout kept
 * (so every relative reference still resolves), and the packages they reference as dependencies.
 *
 * @param files        copied bytes by package path
 * @param promptNames  prompt name (the file name without extension) to package path
 * @param dependencies packages referenced by the prompts, with the version they asked for
 * @param notes        what could not be carried over
 */
record ImportedPrompts(SortedMap<String, byte[]> files, SortedMap<String, String> promptNames,
                       SortedMap<PackageName, VersionRange> dependencies, List<String> notes) {

    private static final String FOLDER = "prompts/";

    ImportedPrompts {
        files = Scaffold.copyOf(files);
        promptNames = SortedCopies.map(promptNames);
        dependencies = SortedCopies.map(dependencies);
        notes = List.copyOf(notes);
    }

    static ImportedPrompts collect(List<Path> sources) {
        SortedSet<Path> prompts = new TreeSet<>();
        List<Path> roots = new ArrayList<>();
        for (Path source : sources) {
            Path absolute = source.toAbsolutePath().normalize();
            roots.add(Files.isDirectory(absolute) ? absolute : absolute.getParent());
            prompts.addAll(promptsAt(absolute));
        }
        if (prompts.isEmpty()) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no prompt files (.prmd or .prompd) in " + sources,
                    "give prompt files, or folders that hold some");
        }
        return new Collector(prompts, roots).collect();
    }

    private static List<Path> promptsAt(Path source) {
        if (!Files.exists(source)) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no such file or folder: " + source,
                    "check the path given to --from");
        }
        if (Files.isRegularFile(source)) {
            if (!PromptFile.hasPromptExtension(source.toString())) {
                throw new PrompdException(ExitCode.USAGE, source + " is not a prompt file",
                        "--from takes .prmd or .prompd files, or folders holding them");
            }
            return List.of(source);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(path -> source.relativize(path).toString().isEmpty()
                            || Stream.of(source.relativize(path).toString().split("[/\\\\]"))
                            .noneMatch(PackSelector.ALWAYS_EXCLUDED_NAMES::contains))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.stream().filter(file -> file.getFileName().toString().equals(ManifestReader.FILE_NAME))
                .min(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder()))
                .ifPresent(ImportedPrompts::refusePackage);
        return files.stream().filter(path -> PromptFile.hasPromptExtension(path.toString())).toList();
    }

    /**
     * A package's prompd.json and README hold its name, version, author and the like, which a new manifest and
     * README would silently drop: the package is refused, with the two ways to what the user may have meant.
     */
    private static void refusePackage(Path manifest) {
        Path folder = manifest.getParent();
        // the folder is one --from gave, as typed
        throw new PrompdException(ExitCode.USAGE, TerminalText.oneLine(folder + " already holds a package, " + manifest
                + ": init --from would write a new prompd.json and README, dropping that package's name, version,"
                + " author and README"), "to keep the package as it is, copy its folder (cp -R) rather than run init;"
                + " to make a new package of its prompts alone, give --from its prompt files or the folder that holds"
                + " them, as " + TerminalText.oneLine(folder.resolve("prompts").toString()));
    }

    /** Follows local references from the prompts to every file the package needs. */
    private static final class Collector {
        private final SortedSet<Path> prompts;
        private final List<Path> roots;
        private final SortedSet<Path> needed = new TreeSet<>();
        /** The files a template loads, whose own loads are followed too. */
        private final Set<Path> loaded = new HashSet<>();
        /** The files whose references were followed. */
        private final Set<Path> followed = new HashSet<>();
        private final SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
        private final List<String> notes = new ArrayList<>();

        Collector(SortedSet<Path> prompts, List<Path> roots) {
            this.prompts = prompts;
            this.roots = roots;
        }

        ImportedPrompts collect() {
            Deque<Path> toRead = new ArrayDeque<>(prompts);
            while (!toRead.isEmpty()) {
                Path file = toRead.pop();
                needed.add(file);
                if ((PromptFile.hasPromptExtension(file.toString()) || loaded.contains(file)) && followed.add(file)) {
                    referenceSites(file).forEach(site -> follow(file, site, toRead));
                }
            }
            Path base = commonFolder();
            String folder = laidOutAsAPackage(base) ? "" : FOLDER;
            SortedMap<String, byte[]> files = new TreeMap<>();
            SortedMap<String, String> names = new TreeMap<>();
            // in path order, so that of a folder's files the same is named each run
            SortedMap<String, Path> sources = new TreeMap<>();
            Map<String, String> caseFolded = new HashMap<>();
            for (Path file : needed) {
                String path = packagePath(file, folder + slashes(base.relativize(file)), files);
                refuseCaseClash(file, path, caseFolded, sources);
                sources.put(path, file);
                files.put(path, read(file));
                if (prompts.contains(file)) {
                    names.put(uniqueName(names, path), path);
                }
            }
            return new ImportedPrompts(files, names, dependencies, notes);
        }

        /**
         * The path a file is copied to: its own in Unicode NFC, as a package's names must be, where macOS tools often
         * write names in NFD (é as e and U+0301). Both look the same, and a reference typed in a prompt is in NFC, so
         * it is copied under the name it shows rather than refused for a form nobody sees; two files that differ
         * only in form would be one, and are refused, as is a name that breaks another rule of package names.
         */
        private String packagePath(Path file, String written, Map<String, byte[]> taken) {
            String path = Normalizer.normalize(written, Normalizer.Form.NFC);
            // only a name in NFD can meet another's: paths in one form are told apart by the file system
            if (taken.containsKey(path)) {
                throw new PrompdException(ExitCode.FAILURE, file + " and another file are both named " + path
                        + " in Unicode NFC, the form a package's names take",
                        "rename one of them, then run init again");
            }
            List<String> broken = PackagePaths.violations(path);
            if (!broken.isEmpty()) {
                // copied as it is, it would give a package validate refuses, and a name that is not UTF-8 would lose
                // its bytes to U+FFFD on the way
                throw new PrompdException(ExitCode.USAGE, "cannot copy " + TerminalText.path(file.toString())
                        + " into a package, whose file names may not break validate's rules: "
                        + String.join("; ", broken),
                        "rename it, then run init again");
            }
            if (path.equals(written)) {
                return path;
            }
            notes.add(file + " is named in Unicode NFD; copied as " + path + ", in NFC as a package's names must be");
            return path;
        }

        /**
         * Refuses, as validate would refuse the package, a file whose path or a folder of it differs from an earlier
         * one's only in letter case ({@code Review.prmd} and {@code review.prmd}), which Windows and macOS hold as one:
         * naming both files, before anything is written.
         *
         * @param caseFolded the folders and files of the earlier paths, by case-folded key, to which the path's are
         *                   added
         * @param sources    the file each earlier path is copied from
         */
        private static void refuseCaseClash(Path file, String path, Map<String, String> caseFolded,
                                            SortedMap<String, Path> sources) {
            Optional<PackSelector.CaseClash> clash = PackSelector.caseClash(path, caseFolded);
            if (clash.isPresent()) {
                String other = clash.get().other();
                Path otherFile = sources.entrySet().stream().filter(entry -> entry.getKey().equals(other)
                        || other.endsWith("/") && entry.getKey().startsWith(other)).map(Map.Entry::getValue)
                        .findFirst().orElseThrow();
                throw new PrompdException(ExitCode.USAGE, "cannot copy " + TerminalText.path(file.toString())
                        + " into a package beside " + TerminalText.path(otherFile.toString()) + ", whose file names may"
                        + " not break validate's rules: as " + clash.get().written() + ", "
                        + clash.get().problem().message(), "rename one of them, then run init again");
            }
        }

        /**
         * What a file names: a prompt's front matter and body, or what a file its template loads names in turn,
         * which Jinja and Nunjucks render as a template whatever its extension.
         */
        private List<ReferenceSite> referenceSites(Path file) {
            if (!PromptFile.hasPromptExtension(file.toString())) {
                return LoadedTemplates.referenceSites(new String(read(file), StandardCharsets.UTF_8));
            }
            return parse(file).map(PromptFile::referenceSites).orElse(List.of());
        }

        private Optional<PromptFile> parse(Path file) {
            var parsed = PromptParser.parse(file.getFileName().toString(), read(file));
            if (parsed.prompt().isEmpty()) {
                // init's next step, which names the package's folder as the user gave it
                notes.add(file + " has errors and was copied as it is; validating the package, the next step, shows"
                        + " them");
            }
            return parsed.prompt();
        }

        private void follow(Path file, ReferenceSite site, Deque<Path> toRead) {
            Reference reference = site.reference();
            if (reference instanceof LocalReference local) {
                if (!staysRelative(file.getParent(), local.written())) {
                    // following it would copy a file such as /etc/hostname into a package meant for publishing
                    notes.add(file + " refers to " + local.written() + ", which no package can hold: not copied;"
                            + " write the path relative to the prompt and add that file by hand");
                    return;
                }
                Path target = file.getParent().resolve(local.written()).normalize();
                if (Files.isRegularFile(target)) {
                    if (site.inTemplate()) {
                        loaded.add(target);
                    }
                    toRead.push(target);
                } else if (site.needed(other -> !(other instanceof LocalReference otherLocal)
                        || Files.isRegularFile(file.getParent().resolve(otherLocal.written())))) {
                    notes.add(file + " refers to " + local.written() + ", which does not exist; add it to"
                            + " the package by hand");
                }
            } else if (reference instanceof PackageReference other) {
                VersionRange asked = VersionRange.isValid(other.selector()) && !other.selector().isEmpty()
                        ? VersionRange.parse(other.selector()) : VersionRange.any();
                VersionRange earlier = dependencies.putIfAbsent(other.packageName(), asked);
                if (earlier != null && !earlier.equals(asked)) {
                    notes.add(other.packageName() + " is asked for as \"" + earlier + "\" and as \"" + asked
                            + "\"; prompd.json keeps \"" + earlier + "\"");
                }
            }
        }

        /**
         * Whether the path is relative and climbs no higher than the file system's root from
         * {@code folder}: above it, ".." stops at the root, so the copied layout could never put the
         * file where the reference leads.
         */
        private static boolean staysRelative(Path folder, String written) {
            if (written.startsWith("/") || written.startsWith("~") || Path.of(written).isAbsolute()) {
                return false;
            }
            int depth = folder.toAbsolutePath().normalize().getNameCount();
            for (String segment : written.split("[/\\\\]")) {
                depth += segment.equals("..") ? -1 : segment.isEmpty() || segment.equals(".") ? 0 : 1;
                if (depth < 0) {
                    return false;
                }
            }
            return true;
        }

        /** The deepest folder holding every source root and every file copied, so relative paths survive. */
        private Path commonFolder() {
            Path common = roots.get(0);
            for (Path path : Stream.concat(roots.stream(), needed.stream().map(Path::getParent)).toList()) {
                while (!path.startsWith(common)) {
                    common = common.getParent();
                }
            }
            return common;
        }

        /**
         * Whether the files already lie as in a package, the prompts in {@code prompts/} and what they take
         * in other folders ({@code contexts/}), none beside where prompd.json, README and LICENSE go: a
         * package given to {@code --from} then keeps its layout rather than nesting it in {@code prompts/}.
         */
        private boolean laidOutAsAPackage(Path base) {
            Path promptsFolder = base.resolve(FOLDER);
            return prompts.stream().allMatch(prompt -> prompt.startsWith(promptsFolder))
                    && needed.stream().noneMatch(file -> file.getParent().equals(base));
        }

        /**
         * The file name without extension; when taken, the path below {@code prompts/} with dashes, and
         * when that is taken too, as x/a.prmd's x-a is by x-a.prmd, that with -2, -3, …: a name given
         * twice would drop the first prompt from prompd.json and the README, its file copied all the same.
         */
        private static String uniqueName(SortedMap<String, String> taken, String path) {
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            String stem = fileName.substring(0, fileName.lastIndexOf('.'));
            if (!taken.containsKey(stem)) {
                return stem;
            }
            String fromPath = path.substring(FOLDER.length(), path.lastIndexOf('.')).replace('/', '-');
            String name = fromPath;
            for (int number = 2; taken.containsKey(name); number++) {
                name = fromPath + "-" + number;
            }
            return name;
        }

        private static String slashes(Path relative) {
            return relative.toString().replace('\\', '/');
        }

        private static byte[] read(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
