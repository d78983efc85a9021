package io.prompd.client.install.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.client.config.RegistryUrl;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.Integrity;
import io.prompd.core.files.NamedWrites;
import io.prompd.core.json.ConflictSides;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.json.PlainText;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.FileProblemsException;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.protocol.MalformedUrls;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads and writes {@code prompd.lock} in the shared JSON dialect: keys sorted, so a change of one
 * package changes only its lines. A lock file with problems is refused with all of them listed.
 *
 * <pre>
 * {
 *   "lockfileVersion": 1,
 *   "packages": {
 *     "@acme/base": {
 *       "dependencies": { "@acme/util": "^1.0.0" },
 *       "integrity": "sha512-…",
 *       "resolved": "https://registry.example/packages/@acme/base/-/base-1.2.0.tgz",
 *       "version": "1.2.0"
 *     },
 *     "@acme/cdn": {
 *       "integrity": "sha512-…",
 *       "registry": "https://registry.example/",
 *       "resolved": "https://cdn.example/packages/@acme/cdn/-/cdn-1.0.0.tgz",
 *       "version": "1.0.0"
 *     }
 *   }
 * }
 * </pre>
 *
 * An entry's {@code registry} is there only when its URL lies outside the registry whose index gave it
 * ({@link LockedPackage#registry}); a prompd before it ignores the field, as it ignores any it does not know.
 */
public final class LockFiles {

    private static final String LOCKFILE_VERSION = "lockfileVersion";
    private static final String PACKAGES = "packages";
    private static final String VERSION = "version";
    private static final String RESOLVED = "resolved";
    private static final String INTEGRITY = "integrity";
    private static final String REGISTRY = "registry";
    private static final String DEPENDENCIES = "dependencies";

    private static final String UNREADABLE = LockFile.FILE_NAME + " cannot be read:";

    private LockFiles() {
    }

    /** @param lock the lock file as the hint names it: {@code it}, or its name where "it" is something else */
    private static String relockHint(String lock, SuggestedCommands commands) {
        return "delete " + lock + " and run " + commands.quoted("install") + " to lock again";
    }

    private static String fixHint(SuggestedCommands commands) {
        return "fix it by hand, or " + relockHint("it", commands);
    }

    /** A problem's own, where {@link #fixHint} is the whole file's: the problem points at the value to fix. */
    private static String fixValueHint(SuggestedCommands commands) {
        return "fix the value by hand, or " + relockHint(LockFile.FILE_NAME, commands);
    }

    /**
     * For a command reading a conflicted lock as it is: taking one side would lose the other's updates, and deleting it
     * would move the pins both sides agreed on.
     */
    private static String mergeHint(SuggestedCommands commands) {
        return "run " + commands.quoted("install") + ", which merges both sides' locks (a package they lock at"
                + " different versions at the higher) and installs the result as any lock, then this again";
    }

    /**
     * For a side that is no lock, which no merge reads: a way for each state Git can have the file in, as {@code
     * --ours} does nothing once the conflict is staged, and {@code HEAD} holds the markers once they are committed.
     */
    private static String sideHint(SuggestedCommands commands) {
        return "fix it by hand, or take one side's lock: 'git checkout --ours prompd.lock' (or --theirs) while Git's"
                + " merge has it unresolved, 'git checkout HEAD -- prompd.lock' once it is staged, the same from a"
                + " commit before the markers once they are committed; or " + relockHint("it", commands)
                + ", every version anew";
    }

    /**
     * The lock file of a project folder, or empty when it has none.
     *
     * @param commands how the hints spell the install that locks again
     * @throws PrompdException FAILURE for a lock a Git merge left with conflict markers, which only an install merges
     */
    public static Optional<LockFile> read(Path file, SuggestedCommands commands) throws IOException {
        return readMerging(file, commands).map(read -> unconflicted(read, commands));
    }

    /** The lock file of a project folder, a conflicted one's sides merged, or empty when it has none. */
    public static Optional<ReadLock> readMerging(Path file, SuggestedCommands commands) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException unreadable) {
            // a folder named prompd.lock fails with the system's "Is a directory" alone
            throw NamedWrites.naming(unreadable, file);
        }
        return Optional.of(parseMerging(bytes, commands));
    }

    /**
     * @throws PrompdException FAILURE listing every problem when the bytes are not a valid lock file, or for a lock a
     *                         Git merge left with conflict markers
     */
    public static LockFile parse(byte[] json, SuggestedCommands commands) {
        return unconflicted(parseMerging(json, commands), commands);
    }

    private static LockFile unconflicted(ReadLock read, SuggestedCommands commands) {
        if (read.conflicted().isPresent()) {
            throw unmerged(read.conflicted().get(), commands);
        }
        return read.lock();
    }

    /** The refusal of a command that reads a conflicted lock as it is, which only an install merges. */
    public static PrompdException unmerged(ConflictedLock conflicted, SuggestedCommands commands) {
        return FileProblemsException.inOneLine(ExitCode.FAILURE, UNREADABLE,
                conflictedAt(conflicted.sides().firstLine(), ""), mergeHint(commands));
    }

    /** The conflict as a problem of the file, at its first marker, {@code more} said after it. */
    private static Problem conflictedAt(int line, String more) {
        return Problem.error(LockFile.FILE_NAME, "", "a Git merge left conflict markers here (<<<<<<<, =======, >>>>>>>)"
                + more, "").atLine(line);
    }

    /**
     * The lock the bytes hold; for a lock a Git merge left with conflict markers, the merge of the locks its two sides
     * hold, as npm reads its own.
     *
     * @throws PrompdException FAILURE listing every problem when the bytes are not a valid lock file, or when a side of
     *                         a conflicted one is not
     */
    public static ReadLock parseMerging(byte[] json, SuggestedCommands commands) {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            // as a killed editor or a failed checkout leaves it; what it locked is gone either way
            throw new PrompdException(ExitCode.FAILURE, LockFile.FILE_NAME + " is empty", relockHint("it", commands));
        }
        JsonNode root;
        try {
            root = JsonTrees.read(json);
        } catch (JsonProcessingException malformed) {
            Problem problem = JsonSyntaxError.problem(LockFile.FILE_NAME, json, malformed, "");
            if (JsonSyntaxError.hasConflictMarkers(json)) {
                // without the problem's own hint to merge the sides by hand, which is how a lock goes stale
                return ConflictSides.of(json).map(sides -> merging(sides, commands)).orElseThrow(() ->
                        FileProblemsException.inOneLine(ExitCode.FAILURE, UNREADABLE, conflictedAt(problem.line(), ""),
                                sideHint(commands)));
            }
            throw refused(List.of(problem), fixHint(commands));
        } catch (IOException impossible) {
            throw new IllegalStateException("bytes in memory are always readable", impossible);
        }
        return new ReadLock(fromTree(root, FieldLines.ofJson(json), commands), Optional.empty());
    }

    private static ReadLock merging(ConflictSides sides, SuggestedCommands commands) {
        ConflictedLock conflicted = new ConflictedLock(side(sides, sides.ours(), sides.oursLabel(), "first", commands),
                side(sides, sides.theirs(), sides.theirsLabel(), "second", commands), sides);
        return new ReadLock(conflicted.merged(), Optional.of(conflicted));
    }

    /** @param which the side's place, for one the markers do not name */
    private static LockFile side(ConflictSides sides, String text, String label, String which,
                                 SuggestedCommands commands) {
        try {
            return parse(text.getBytes(StandardCharsets.UTF_8), commands);
        } catch (PrompdException unreadable) {
            String side = label.isEmpty() ? "the " + which + " side" : "the side of " + label;
            // the problems of the side, under the file's name as any lock's, at the file's lines
            List<Problem> problems = new ArrayList<>(List.of(conflictedAt(sides.firstLine(), ", and " + side
                    + ", read alone, is no lock")));
            if (unreadable instanceof FileProblemsException sideProblems) {
                problems.addAll(sideProblems.problems());
            }
            throw new FileProblemsException(ExitCode.FAILURE, UNREADABLE, problems, sideHint(commands));
        }
    }

    /** @param lines where each field of the bytes read is, for the problems' lines */
    private static LockFile fromTree(JsonNode root, FieldLines lines, SuggestedCommands commands) {
        Problems problems = new Problems();
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>();
        boolean newer = false;
        if (root == null || !root.isObject()) {
            problems.error(LockFile.FILE_NAME, "", "the lock file must be a JSON object", "");
        } else {
            PlainText.wholeCharacters(root, "", (at, message, hint) -> problems.error(LockFile.FILE_NAME, at, message,
                    hint));
            newer = checkLockfileVersion(root.path(LOCKFILE_VERSION), problems);
            JsonNode entries = root.path(PACKAGES);
            if (!entries.isObject()) {
                problems.error(LockFile.FILE_NAME, "/" + PACKAGES, "packages must be an object", "");
            } else {
                for (Map.Entry<String, JsonNode> entry : entries.properties()) {
                    readPackage(entry.getKey(), entry.getValue(), problems)
                            .ifPresent(locked -> packages.put(locked.getKey(), locked.getValue()));
                }
            }
        }
        if (problems.hasErrors()) {
            // deleting a newer prompd's lock would drop every version the team pinned, as an update of prompd keeps
            // them; each of its problems is one of what this prompd cannot read, not a value to fix
            String problemHint = newer ? "a newer prompd wrote it; update prompd" : fixValueHint(commands);
            List<Problem> located = problems.sorted().stream().map(problem -> lines.locate(problem.hint().isEmpty()
                    ? problem.withHint(problemHint) : problem)).sorted(Problem.ORDER).toList();
            throw refused(located, newer ? "update prompd to one that reads it; deleting it would lose the versions"
                    + " it locks" : fixHint(commands));
        }
        return new LockFile(packages);
    }

    /**
     * Only a whole number above this prompd's comes from a newer prompd: updating prompd fixes no other value. A number
     * is compared by value, as JSON means it, so {@code 1.0} and {@code 1e0} are this prompd's version as npm reads
     * them.
     *
     * @return whether a newer prompd wrote the lock
     */
    private static boolean checkLockfileVersion(JsonNode version, Problems problems) {
        String pointer = "/" + LOCKFILE_VERSION;
        if (version.isMissingNode()) {
            problems.error(LockFile.FILE_NAME, pointer, "lockfileVersion is missing; it must be "
                    + LockFile.VERSION, "");
        } else if (!version.isNumber() || version.decimalValue().compareTo(BigDecimal.valueOf(LockFile.VERSION)) != 0) {
            boolean newer = version.isNumber() && version.decimalValue().stripTrailingZeros().scale() <= 0
                    && version.decimalValue().compareTo(BigDecimal.valueOf(LockFile.VERSION)) > 0;
            problems.error(LockFile.FILE_NAME, pointer, "lockfileVersion must be " + LockFile.VERSION + ", not "
                    + version, "");
            return newer;
        }
        return false;
    }

    private static Optional<Map.Entry<PackageName, LockedPackage>> readPackage(String nameText, JsonNode node,
            Problems allProblems) {
        String pointer = Pointer.of(PACKAGES, nameText);
        Problems problems = new Problems();
        Optional<PackageName> name = field(problems, pointer, nameText, PackageName::parse);
        Optional<Version> version = field(problems, pointer + "/" + VERSION, node.path(VERSION).asText(""),
                Version::parse);
        Optional<URI> resolved = field(problems, pointer + "/" + RESOLVED, node.path(RESOLVED).asText(""),
                LockFiles::absoluteUrl);
        Optional<Integrity> integrity = field(problems, pointer + "/" + INTEGRITY, node.path(INTEGRITY).asText(""),
                Integrity::parse);
        Optional<Optional<RegistryUrl>> registry = node.path(REGISTRY).isMissingNode() ? Optional.of(Optional.empty())
                : field(problems, pointer + "/" + REGISTRY, node.path(REGISTRY).asText(""),
                        text -> Optional.of(new RegistryUrl(absoluteUrl(text))));
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
        JsonNode declared = node.path(DEPENDENCIES);
        if (!declared.isMissingNode() && !declared.isObject()) {
            problems.error(LockFile.FILE_NAME, pointer + "/" + DEPENDENCIES, "dependencies must be an object", "");
        }
        for (Map.Entry<String, JsonNode> dependency : declared.properties()) {
            String dependencyPointer = pointer + Pointer.of(DEPENDENCIES, dependency.getKey());
            Optional<PackageName> target = field(problems, dependencyPointer, dependency.getKey(), PackageName::parse);
            Optional<VersionRange> range = field(problems, dependencyPointer, dependency.getValue().asText(""),
                    VersionRange::parse);
            if (target.isPresent() && range.isPresent()) {
                dependencies.put(target.get(), range.get());
            }
        }
        allProblems.addAll(problems.sorted());
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(name.orElseThrow(), new LockedPackage(version.orElseThrow(),
                resolved.orElseThrow(), integrity.orElseThrow(), dependencies, registry.orElseThrow())));
    }

    private static <T> Optional<T> field(Problems problems, String pointer, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException invalid) {
            problems.error(LockFile.FILE_NAME, pointer, text.isEmpty() ? "missing or empty" : invalid.getMessage(), "");
            return Optional.empty();
        }
    }

    private static URI absoluteUrl(String text) {
        try {
            URI url = new URI(text);
            if (url.getRawUserInfo() != null) {
                // not quoted: the user information may be a password
                throw new IllegalArgumentException("a locked URL must not hold user information; credentials go in"
                        + " prompd's configuration, never in prompd.lock");
            }
            if (!url.isAbsolute()) {
                throw new IllegalArgumentException("'" + Urls.display(url) + "' is not an absolute URL");
            }
            // what no registry's document may name (ftp:, data:, jar:) was written by hand, and is no registry URL
            // the user's --registry could correct
            if (!RegistryLayout.URL_SCHEMES.contains(url.getScheme().toLowerCase(Locale.ROOT))) {
                String shown = Urls.display(url);
                // the scheme URI reads in user:password@host, written without its own, is the user, which is masked
                String scheme = shown.startsWith(url.getScheme() + ":") ? url.getScheme() + ":" : "a scheme";
                throw new IllegalArgumentException("'" + shown + "' is over " + scheme + ", which prompd does not"
                        + " download over: a tarball is read over https://, http:// or file://");
            }
            return url;
        } catch (URISyntaxException malformed) {
            // quoted as the other URLs are, without a password, and pointed into: the reason alone names no character
            throw new IllegalArgumentException("'" + Urls.shown(text) + "' is not a valid URL: "
                    + MalformedUrls.reason(text, malformed));
        }
    }

    private static PrompdException refused(List<Problem> problems, String hint) {
        return new FileProblemsException(ExitCode.FAILURE, UNREADABLE, problems, hint);
    }

    /** The canonical bytes of a lock file: the same lock always gives the same bytes. */
    public static byte[] toBytes(LockFile lock) {
        Map<String, Object> packages = new TreeMap<>();
        lock.packages().forEach((name, locked) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (!locked.dependencies().isEmpty()) {
                Map<String, String> dependencies = new TreeMap<>();
                locked.dependencies().forEach((target, range) -> dependencies.put(target.toString(), range.text()));
                entry.put(DEPENDENCIES, dependencies);
            }
            entry.put(INTEGRITY, locked.integrity().toString());
            locked.registry().ifPresent(root -> entry.put(REGISTRY, Urls.written(root.uri())));
            entry.put(RESOLVED, Urls.written(locked.resolved()));
            entry.put(VERSION, locked.version().toString());
            packages.put(name.toString(), entry);
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(LOCKFILE_VERSION, LockFile.VERSION);
        root.put(PACKAGES, packages);
        return Json.write(root);
    }
}
