package io.prompd.core.archive;

import io.prompd.core.Plural;
import io.prompd.core.Sizes;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which files of a package go into its tarball. {@code prompd pack}, {@code prompd validate}
 * and the registry generator all ask this one class, so what a user validates is what gets published.
 *
 * <p>An empty {@code files} list means "no restriction", as npm reads it: a manifest with
 * {@code "files": []} still publishes its {@code main} prompt.
 */
public final class PackSelector {

    /** The manifest; always packed, never ignored. */
    public static final String MANIFEST = "prompd.json";
    /**
     * The names {@link LeftOut.Reason#ALWAYS_EXCLUDED} covers, in lower case, left out whole with all they hold:
     * tooling state, never package content. Public for what else skips them, such as {@code prompd init --from}.
     */
    public static final Set<String> ALWAYS_EXCLUDED_NAMES = Set.of(".git", "node_modules", ".prompd");
    /**
     * The names {@link LeftOut.Reason#SECRET} covers, each with '*' for whatever comes before or after, and a folder
     * the file lies directly in where the name alone says nothing ({@code credentials}), matched in any letter case:
     * .env files, dotenv's own ({@code .env.local}) and those named for what they configure ({@code prod.env}), and the
     * files that hold credentials by their very name, as secret scanners' file rules list them: npm's and pip's
     * tokens, netrc's passwords (_netrc on Windows), Git's, PostgreSQL's and Apache's passwords, Docker's registry
     * logins (the legacy .dockercfg too) and AWS's keys. As with .env, the copies of those named by their start
     * (.npmrc.bak) hold the same secrets. No name of a private key ({@code id_rsa}): its text is an error wherever it
     * lies ({@link io.prompd.core.packaging.Secrets}), which leaving it out by name would make a warning.
     */
    private static final List<String> SECRET_NAMES = List.of(".env*", "*.env", ".npmrc*", ".pypirc*", ".netrc*",
            "_netrc*", ".git-credentials*", ".pgpass*", ".htpasswd*", ".dockercfg*", ".docker/config.json*",
            ".aws/credentials*");
    /** The names {@link LeftOut.Reason#SECRET} covers, as messages list them. */
    public static final String SECRET_LIST = String.join(", ", SECRET_NAMES);
    private static final List<SecretName> SECRET_FORMS = SECRET_NAMES.stream().map(SecretName::of).toList();
    /** The names {@link LeftOut.Reason#TEMPORARY} covers, as messages list them. */
    public static final String TEMPORARY_LIST = TemporaryFiles.NAME_FORMAT;
    /**
     * The names {@link LeftOut.Reason#CLUTTER} covers, anywhere in the package: whole names in any letter case, as the
     * systems that make them ignore it ({@code Desktop.ini}, {@code THUMBS.DB}); macOS's AppleDouble files on foreign
     * disks ({@code ._*}), Vim's swap files (its hidden {@code .name.swp} too) and the backups of Emacs and others, as
     * written.
     */
    private static final List<String> CLUTTER_NAMES = List.of(".DS_Store", "._*", "Thumbs.db", "desktop.ini", "*.swp",
            "*~", "prompd.lock");
    /** The names {@link LeftOut.Reason#CLUTTER} covers, as messages list them. */
    public static final String CLUTTER_LIST = String.join(", ", CLUTTER_NAMES);
    private static final Set<String> CLUTTER_WHOLE_NAMES = wholeNames(CLUTTER_NAMES);
    private static final List<String> CLUTTER_PREFIXES = prefixes(CLUTTER_NAMES);
    private static final List<String> CLUTTER_SUFFIXES = suffixes(CLUTTER_NAMES);
    /** The names {@link LeftOut.Reason#GIT_RULES} covers, matched in any letter case. */
    private static final List<String> GIT_RULE_NAMES = List.of(".gitignore", ".gitattributes", ".gitmodules");
    /** The names {@link LeftOut.Reason#GIT_RULES} covers, as messages list them. */
    public static final String GIT_RULES_LIST = String.join(", ", GIT_RULE_NAMES);
    private static final Set<String> GIT_RULE_WHOLE_NAMES = wholeNames(GIT_RULE_NAMES);
    /** {@code prompd pack} writes .tgz; .tar.gz is how people name the same thing with {@code --out}. */
    private static final List<String> TARBALL_SUFFIXES = List.of(".tgz", ".tar.gz");
    private static final List<String> ROOT_DOCUMENT_PREFIXES = List.of(PackageReadme.PREFIX, "license", "licence");
    /** A '\\' after a name and before a wildcard, where a Windows user meant a folder separator. */
    private static final Pattern BACKSLASH_BEFORE_WILDCARD = Pattern.compile("(?<=[^/\\\\])\\\\(?=[*?\\[])");
    /** A '*' or '?' a '\\' makes match itself: no file {@link PackagePaths} lets be packed has one in its name. */
    private static final Pattern ESCAPED_WILDCARD = Pattern.compile("(?<!\\\\)\\\\[*?]");

    private PackSelector() {
    }

    /** The selection of a package in which no prompd home lies, as a registry's version folders. */
    public static PackSelection select(PackageSource source, List<String> files, List<String> ignore,
            ArchiveLimits limits, PackageLocation location) throws IOException {
        return select(source, files, ignore, limits, location, Optional.empty());
    }

    /**
     * Selects the files to pack and reports every problem that would make the tarball unsafe or too large.
     *
     * @param files  the manifest's {@code files} list (empty: every file)
     * @param ignore   the manifest's {@code ignore} list, gitignore-like
     * @param location where the files are, for the hints on keeping a file out
     * @param home     the path in the package of the prompd home in use, when it lies inside the package, which is
     *                 left out whole ({@link LeftOut.Reason#HOME})
     */
    public static PackSelection select(PackageSource source, List<String> files, List<String> ignore,
            ArchiveLimits limits, PackageLocation location, Optional<String> home) throws IOException {
        Problems problems = new Problems();
        Rules rules = Rules.compile(files, ignore, problems);
        BitSet usedFileEntries = new BitSet(files.size());
        Map<Integer, LeftOut> leftOutByEntry = new HashMap<>();

        List<SourceEntry> included = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        Set<LeftOut> excludedFolders = new HashSet<>();
        List<SourceEntry> entries = source.entries();
        for (SourceEntry entry : entries) {
            Verdict verdict = verdict(entry.path(), rules, home);
            // a '!' entry did its work when it matches a file, whether or not another rule left the file out
            usedFileEntries.or(verdict.takingBack());
            if (verdict.reason().isEmpty()) {
                included.add(entry);
                usedFileEntries.or(verdict.naming());
                continue;
            }
            LeftOut left = new LeftOut(entry.path(), verdict.reason().get());
            if (verdict.folder().isPresent()) {
                excludedFolders.add(verdict.folder().get());
            } else {
                leftOut.add(left);
            }
            // the file itself, even where the selection lists only its folder
            verdict.naming().stream().forEach(index -> leftOutByEntry.putIfAbsent(index, left));
        }
        leftOut.addAll(excludedFolders);
        leftOut.sort(Comparator.comparing(LeftOut::path));

        List<String> paths = entries.stream().map(SourceEntry::path).toList();
        reportUnusedFileEntries(rules.fileEntries(), usedFileEntries, leftOutByEntry, paths, problems);
        reportIgnoreRulesLeavingOutNothing(rules.ignoreEntries(), included, leftOut, paths, problems);
        checkIncluded(included, limits, location, problems);
        return new PackSelection(included, leftOut, problems.sorted());
    }

    /**
     * Why a selection by these {@code files} and {@code ignore} rules leaves out a file at {@code path}, or empty when
     * it packs it: whether a file written there now, such as a tarball, goes into the next pack. A rule that does not
     * parse leaves nothing out, as it is an error of the package already.
     */
    public static Optional<LeftOut.Reason> leftOut(String path, List<String> files, List<String> ignore) {
        return verdict(path, Rules.compile(files, ignore, new Problems()), Optional.empty()).reason();
    }

    /**
     * Whether the manifest's own {@code files} and {@code ignore} rules leave out the file at {@code path}, whatever
     * pack leaves out by its name anyway: an author who lists a {@code .env} file in {@code ignore}, or packs only what
     * {@code files} names, has kept it out on purpose.
     */
    public static boolean manifestLeavesOut(String path, List<String> files, List<String> ignore) {
        Rules rules = Rules.compile(files, ignore, new Problems());
        String[] matched = PathPattern.segmentsOf(path);
        return reasonByManifest(matched, Naming.of(rules.fileEntries(), matched), rules).isPresent();
    }

    /**
     * Which entries of {@code files} match a path.
     *
     * @param naming     the indexes of the entries that name it
     * @param takingBack the indexes of the '!' entries that match it
     */
    private record Naming(BitSet naming, BitSet takingBack) {

        static Naming of(List<Listed> fileEntries, String[] matched) {
            BitSet matching = matches(fileEntries, matched);
            BitSet naming = PackSelector.naming(fileEntries, matching);
            BitSet takingBack = (BitSet) matching.clone();
            takingBack.andNot(naming);
            return new Naming(naming, takingBack);
        }

        /** Whether the last entry that matches names it. */
        boolean named() {
            return isNamed(naming, takingBack);
        }
    }

    /**
     * The manifest's {@code files} and {@code ignore} lists, as far as they parse.
     *
     * @param restricted whether {@code files} lists anything, even only entries that do not parse
     */
    private record Rules(List<Listed> fileEntries, List<Listed> ignoreEntries, boolean restricted) {
        /** No manifest's rules: what pack leaves out whatever a manifest says. */
        static final Rules NONE = new Rules(List.of(), List.of(), false);

        Rules {
            fileEntries = List.copyOf(fileEntries);
            ignoreEntries = List.copyOf(ignoreEntries);
        }

        /** The rules that parse; each that does not becomes an error in {@code problems}. */
        static Rules compile(List<String> files, List<String> ignore, Problems problems) {
            return new Rules(PackSelector.compile(files, "/files/", PathPattern::filesEntry, problems),
                    PackSelector.compile(ignore, "/ignore/", PathPattern::ignoreRule, problems), !files.isEmpty());
        }
    }

    /**
     * What the rules decide for one path: pack, {@link #leftOut} and {@link #leftOutAnyway} all ask {@link #verdict},
     * so that pack and the checks of what it will do never disagree.
     *
     * @param folder     the folder or file left out whole that the path lies in, if any ({@link #excludedPrefix})
     * @param reason     why the path is left out, empty when it is packed
     * @param naming     the indexes of the files entries that name the path
     * @param takingBack the indexes of the '!' files entries that match it
     */
    private record Verdict(Optional<LeftOut> folder, Optional<LeftOut.Reason> reason, BitSet naming,
                           BitSet takingBack) {
    }

    /** @param home the path in the package of the prompd home in use, if it lies there */
    private static Verdict verdict(String path, Rules rules, Optional<String> home) {
        String[] segments = Glob.segmentsOf(path);
        String[] matched = PathPattern.segmentsOf(path);
        Naming naming = Naming.of(rules.fileEntries(), matched);
        Optional<LeftOut> folder = excludedPrefix(segments, home);
        Optional<LeftOut.Reason> reason = folder.isPresent() ? folder.map(LeftOut::reason)
                : reasonToLeaveOut(path, segments, matched, naming, rules);
        return new Verdict(folder, reason, naming.naming(), naming.takingBack());
    }

    /** A pattern as the manifest lists it, with its place in the list for error pointers. */
    private record Listed(int index, String text, PathPattern pattern) {
    }

    /** The valid patterns; each invalid one becomes an error at its pointer. */
    private static List<Listed> compile(List<String> patterns, String pointer,
            Function<String, PathPattern> reader, Problems problems) {
        List<Listed> compiled = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            try {
                compiled.add(new Listed(i, patterns.get(i), reader.apply(patterns.get(i))));
            } catch (InvalidPatternException invalid) {
                problems.error(MANIFEST, pointer + i, invalid.getMessage(), invalid.hint());
            }
        }
        return compiled;
    }

    /**
     * The folder (with a trailing '/') or file left out whole that a path lies in, if any: one
     * always excluded, a temporary folder of prompd's (init's, filled before its files are moved
     * into place), or the prompd home in use. A temporary file is left out by {@link #leftOutByName}, after the
     * secrets.
     *
     * @param home the path in the package of the prompd home in use, if it lies there
     */
    private static Optional<LeftOut> excludedPrefix(String[] segments, Optional<String> home) {
        for (int i = 0; i < segments.length; i++) {
            boolean folder = i + 1 < segments.length;
            int end = i + 1;
            // in any letter case: on the case-insensitive disks of macOS and Windows, Git takes .GIT for its own folder
            LeftOut.Reason reason = ALWAYS_EXCLUDED_NAMES.contains(segments[i].toLowerCase(Locale.ROOT))
                    ? LeftOut.Reason.ALWAYS_EXCLUDED
                    : folder && TemporaryFiles.isTemporaryName(segments[i]) ? LeftOut.Reason.TEMPORARY
                    : folder && home.filter(path -> path.equals(prefix(segments, end))).isPresent()
                    ? LeftOut.Reason.HOME : null;
            if (reason != null) {
                String prefix = prefix(segments, end);
                return Optional.of(new LeftOut(folder ? prefix + "/" : prefix, reason));
            }
        }
        return Optional.empty();
    }

    /** The path of the first {@code end} segments. */
    private static String prefix(String[] segments, int end) {
        return String.join("/", Arrays.copyOf(segments, end));
    }

    /** Of the matching entries, those that name files rather than take them back with '!'. */
    private static BitSet naming(List<Listed> fileEntries, BitSet matching) {
        BitSet naming = new BitSet();
        fileEntries.stream().filter(entry -> matching.get(entry.index()) && !entry.pattern().negated())
                .forEach(entry -> naming.set(entry.index()));
        return naming;
    }

    /** As in npm, the last entry that matches decides: a '!' entry takes back what earlier ones named. */
    private static boolean isNamed(BitSet naming, BitSet takingBack) {
        return naming.length() > takingBack.length();
    }

    /** The indexes of every files entry that names the path (not just the first), so unused entries can be reported. */
    private static BitSet matches(List<Listed> fileEntries, String[] segments) {
        BitSet named = new BitSet();
        for (Listed entry : fileEntries) {
            if (entry.pattern().matches(segments)) {
                named.set(entry.index());
            }
        }
        return named;
    }

    /** @param matched the path's segments as {@link PathPattern#segmentsOf} gives them */
    private static Optional<LeftOut.Reason> reasonToLeaveOut(String path, String[] segments, String[] matched,
            Naming naming, Rules rules) {
        Optional<LeftOut.Reason> byName = leftOutByName(segments);
        if (byName.isPresent() || isPackedAnyway(path, segments)) {
            return byName;
        }
        return reasonByManifest(matched, naming, rules);
    }

    /**
     * Why the manifest's rules leave the path out, if they do: a path some entry of files names but not the last one
     * matching it was taken back by a '!' entry; one no entry names, a '!' entry matching it left out nothing, as
     * "files" never named it.
     */
    private static Optional<LeftOut.Reason> reasonByManifest(String[] matched, Naming naming, Rules rules) {
        if (isIgnored(matched, rules.ignoreEntries())) {
            return Optional.of(LeftOut.Reason.IGNORED);
        }
        if (rules.restricted() && !naming.named()) {
            return Optional.of(naming.naming().isEmpty() ? LeftOut.Reason.NOT_IN_FILES : LeftOut.Reason.TAKEN_BACK);
        }
        return Optional.empty();
    }

    /**
     * Why pack leaves out what is at {@code path} whatever the manifest says, if it does: a path ending in
     * '/' is a folder, left out only as a whole. {@link SafeUnpacker} refuses such an entry in a tarball,
     * since pack never writes one.
     */
    public static Optional<LeftOut.Reason> leftOutAnyway(String path) {
        Verdict verdict = verdict(path, Rules.NONE, Optional.empty());
        return path.endsWith("/") ? verdict.folder().map(LeftOut::reason) : verdict.reason();
    }

    /** The reasons that go by the file's name and place alone; the manifest is exempt from none of them. */
    private static Optional<LeftOut.Reason> leftOutByName(String[] segments) {
        String name = segments[segments.length - 1];
        String folded = name.toLowerCase(Locale.ROOT);
        if (isNamedAsSecrets(segments)) {
            return Optional.of(LeftOut.Reason.SECRET);
        }
        if (TemporaryFiles.isTemporaryName(name)) {
            return Optional.of(LeftOut.Reason.TEMPORARY);
        }
        if (isClutter(name)) {
            return Optional.of(LeftOut.Reason.CLUTTER);
        }
        if (GIT_RULE_WHOLE_NAMES.contains(folded)) {
            return Optional.of(LeftOut.Reason.GIT_RULES);
        }
        if (segments.length == 1 && isTarball(name)) {
            return Optional.of(LeftOut.Reason.TARBALL);
        }
        return Optional.empty();
    }

    /**
     * Whether the file at the path ({@code /}-separated) has a name {@link LeftOut.Reason#SECRET} covers
     * ({@link #SECRET_LIST}): also for the registry's check, which refuses such a file in a version folder and in any
     * commit of a pull request, whose history a merge keeps.
     */
    public static boolean isNamedAsSecrets(String path) {
        return isNamedAsSecrets(Glob.segmentsOf(path));
    }

    private static boolean isNamedAsSecrets(String[] segments) {
        String name = segments[segments.length - 1].toLowerCase(Locale.ROOT);
        String folder = segments.length > 1 ? segments[segments.length - 2].toLowerCase(Locale.ROOT) : "";
        return SECRET_FORMS.stream().anyMatch(form -> form.matches(folder, name));
    }

    /**
     * A name {@link #SECRET_NAMES} lists, in lower case.
     *
     * @param folder the name of the folder the file lies directly in, empty for any
     * @param start  what the file's name starts with, before the '*'
     * @param end    what it ends with, after the '*'
     */
    private record SecretName(String folder, String start, String end) {

        static SecretName of(String listed) {
            String folded = listed.toLowerCase(Locale.ROOT);
            int slash = folded.lastIndexOf('/');
            int star = folded.indexOf('*', slash + 1);
            if (star < 0 || folded.indexOf('/') != slash) {
                throw new IllegalArgumentException("a secrets name has a '*' and at most one folder: " + listed);
            }
            return new SecretName(slash < 0 ? "" : folded.substring(0, slash), folded.substring(slash + 1, star),
                    folded.substring(star + 1));
        }

        /** @param folder the folder's name in lower case, empty at the package's root; {@code name} in lower case */
        boolean matches(String folder, String name) {
            return (this.folder.isEmpty() || this.folder.equals(folder)) && name.length() >= start.length()
                    + end.length() && name.startsWith(start) && name.endsWith(end);
        }
    }

    /** Whether the name is that of a tarball, such as the one pack writes at the package's root by default. */
    public static boolean isTarball(String name) {
        return TARBALL_SUFFIXES.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith);
    }

    private static boolean isClutter(String name) {
        return CLUTTER_WHOLE_NAMES.contains(name.toLowerCase(Locale.ROOT))
                || CLUTTER_PREFIXES.stream().anyMatch(name::startsWith)
                || CLUTTER_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** Of names as messages list them, those without '*', in lower case: for a name matched in any letter case. */
    private static Set<String> wholeNames(List<String> listed) {
        return listed.stream().filter(name -> !name.contains("*")).map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Of names as messages list them, what those ending in '*' start with. */
    private static List<String> prefixes(List<String> listed) {
        return listed.stream().filter(name -> name.endsWith("*")).map(name -> name.substring(0, name.length() - 1))
                .toList();
    }

    /** Of names as messages list them, what those starting with '*' end with. */
    private static List<String> suffixes(List<String> listed) {
        return listed.stream().filter(name -> name.startsWith("*")).map(name -> name.substring(1)).toList();
    }

    /** As in gitignore, the last matching rule wins, so {@code !keep.log} can take back {@code *.log}. */
    private static boolean isIgnored(String[] segments, List<Listed> rules) {
        boolean ignored = false;
        for (Listed listed : rules) {
            PathPattern rule = listed.pattern();
            if (rule.negated() == ignored && rule.matches(segments)) {
                ignored = !rule.negated();
            }
        }
        return ignored;
    }

    /**
     * The manifest, and README, LICENSE and LICENCE files at the root: packed whatever {@code files} and {@code ignore}
     * say, as npm packs them whatever its {@code files} and {@code .npmignore} say, since every reader of the package
     * needs them. Only the rules that go by a file's name alone (an editor's {@code README.md~}) leave them out.
     */
    public static boolean isPackedAnyway(String path) {
        return isPackedAnyway(path, Glob.segmentsOf(path));
    }

    /** {@link #isPackedAnyway(String)} of a path already split, by {@link Glob#segmentsOf}. */
    private static boolean isPackedAnyway(String path, String[] segments) {
        return path.equals(MANIFEST) || isRootDocument(segments);
    }

    private static boolean isRootDocument(String[] segments) {
        if (segments.length != 1) {
            return false;
        }
        String name = segments[0].toLowerCase(Locale.ROOT);
        return ROOT_DOCUMENT_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * An entry that packs nothing is an error: one naming no file at all, or only files that pack
     * leaves out whatever {@code files} says, with the reason, since the file is there to see.
     *
     * @param paths every file of the package, for what an entry naming none may have meant
     */
    private static void reportUnusedFileEntries(List<Listed> fileEntries, BitSet used, Map<Integer, LeftOut> leftOut,
                                                List<String> paths, Problems problems) {
        for (Listed entry : fileEntries) {
            if (used.get(entry.index())) {
                continue;
            }
            String pointer = "/files/" + entry.index();
            String subject = "\"" + entry.text() + "\" in \"files\"";
            LeftOut left = leftOut.get(entry.index());
            if (left == null) {
                problems.error(MANIFEST, pointer, subject + " matches no file",
                        slashMeant(entry.text(), PathPattern::filesEntry, paths)
                                .orElse("correct the path or remove the entry from \"files\""));
            } else if (left.reason() == LeftOut.Reason.TAKEN_BACK) {
                problems.error(MANIFEST, pointer, subject + " names '" + left.path() + "', which a later \"!\" entry in"
                        + " \"files\" takes back", "remove one of the two entries");
            } else if (left.reason() == LeftOut.Reason.IGNORED) {
                problems.error(MANIFEST, pointer, subject + " names '" + left.path() + "', which exists but is left out"
                        + " by \"ignore\"", "remove the entry from \"files\", or the rule from \"ignore\"");
            } else {
                problems.error(MANIFEST, pointer, subject + " names '" + left.path()
                        + "', which exists but is left out: " + left.reason().why(), "remove the entry from \"files\"");
            }
        }
    }

    /**
     * A warning for a rule of {@code ignore} that leaves out nothing: one matching only files packed anyway, or no file
     * at all where it cannot be meant so (a Windows user's {@code drafts\\*}, which names a file '*'): the author meant
     * to leave something out, and would otherwise learn only from the tarball that it did nothing. npm says nothing. A
     * rule that leaves out other files too ({@code *.md}), or matches files left out anyway ({@code node_modules}),
     * does what it says; one matching no file ({@code *.log}) is kept for files to come, as in gitignore.
     *
     * @param paths every file of the package, for what a rule matching none may have meant
     */
    private static void reportIgnoreRulesLeavingOutNothing(List<Listed> ignoreEntries, List<SourceEntry> included,
                                                           List<LeftOut> leftOut, List<String> paths,
                                                           Problems problems) {
        for (Listed rule : ignoreEntries) {
            PathPattern pattern = rule.pattern();
            boolean leavesOut = leftOut.stream().anyMatch(left -> left.reason() == LeftOut.Reason.IGNORED
                    && pattern.matches(PathPattern.segmentsOf(left.path())));
            if (pattern.negated() || leavesOut) {
                continue;
            }
            String pointer = "/ignore/" + rule.index();
            String subject = "\"" + rule.text() + "\" in \"ignore\" leaves out nothing: ";
            List<String> packedAnyway = included.stream().map(SourceEntry::path)
                    .filter(path -> isPackedAnyway(path) && pattern.matches(PathPattern.segmentsOf(path)))
                    .toList();
            Optional<String> meant = slashMeant(rule.text(), PathPattern::ignoreRule, paths);
            if (!packedAnyway.isEmpty()) {
                problems.warning(MANIFEST, pointer, subject + Plural.series(packedAnyway, "and")
                        + (packedAnyway.size() == 1 ? " is" : " are") + " packed anyway, as " + MANIFEST
                        + " and the README and LICENSE files at the root always are",
                        "remove the rule from \"ignore\"");
            } else if ((meant.isPresent() || ESCAPED_WILDCARD.matcher(rule.text()).find())
                    && paths.stream().noneMatch(pattern::matches)) {
                problems.warning(MANIFEST, pointer, subject + "it matches no file", meant.orElse("a '\\' before '*'"
                        + " or '?' makes it match itself, which no package file's name holds; '/' goes between"
                        + " folders"));
            }
        }
    }

    /**
     * {@code did you mean 'drafts/*'?} for an entry matching no file, such as {@code drafts\\*}, when the same entry
     * with '/' for each '\\' that follows a name and stands before a wildcard matches files: a Windows user's folder
     * separator, which there makes the wildcard match itself.
     *
     * @param reader how the entry's list reads it
     */
    private static Optional<String> slashMeant(String text, Function<String, PathPattern> reader, List<String> paths) {
        String meant = BACKSLASH_BEFORE_WILDCARD.matcher(text).replaceAll("/");
        if (meant.equals(text)) {
            return Optional.empty();
        }
        try {
            PathPattern pattern = reader.apply(meant);
            return paths.stream().anyMatch(pattern::matches) ? Optional.of("did you mean '" + meant
                    + "'? '/' goes between folders; a '\\' before a wildcard makes it match itself") : Optional.empty();
        } catch (InvalidPatternException invalid) {
            return Optional.empty();
        }
    }

    private static void checkIncluded(List<SourceEntry> included, ArchiveLimits limits, PackageLocation location,
            Problems problems) {
        Map<String, String> byFoldedPrefix = new HashMap<>();
        Set<String> clashing = new HashSet<>();
        for (SourceEntry entry : included) {
            String path = entry.path();
            checkKind(entry, location, problems);
            for (String violation : PackagePaths.violations(path)) {
                problems.error(path, "", violation, location.fixOrLeaveOut("rename the file"));
            }
            caseClash(path, byFoldedPrefix, clashing).ifPresent(problems::add);
        }
        problems.addAll(overLimits(included, limits, location));
    }

    /**
     * The errors of the files selected that are over the per-file limit, and of the package when they are more or
     * larger in all than the limits allow, as the selection gives them: for a command to tell of the limits alone.
     */
    public static List<Problem> overLimits(List<SourceEntry> included, ArchiveLimits limits,
                                           PackageLocation location) {
        Problems problems = new Problems();
        long total = 0;
        for (SourceEntry entry : included) {
            if (!limits.fitsOneFile(entry.size())) {
                problems.add(overLimit(entry, limits, location, location.shrinkOrRemove(limits)));
            }
            total += entry.size();
        }
        if (included.size() > limits.maxFiles()) {
            problems.error("", "", "the package has " + included.size() + " files, more than the limit of "
                    + limits.maxFiles() + location.limitSource(limits, ArchiveLimits.Bound.FILES),
                    location.orRaise(location.trimOrSplit(), limits, ArchiveLimits.Bound.FILES));
        }
        if (total > limits.maxUnpackedBytes()) {
            problems.error("", "", "the package's files add up to " + Sizes.overLimit(total, limits.maxUnpackedBytes())
                    + location.limitSource(limits, ArchiveLimits.Bound.UNPACKED_BYTES),
                    location.orRaise(location.trimOrSplit(), limits, ArchiveLimits.Bound.UNPACKED_BYTES));
        }
        return problems.sorted();
    }

    /**
     * The error of the path's first folder or file name that an earlier path spells in other letter case, unless
     * reported already: macOS and Windows would hold the two as one, and a file beside a folder of that name not at
     * all. Folders clash once, not for every file in them.
     *
     * @param seen     the folders (with their '/') and files of the earlier paths, as written, by case-folded key
     * @param clashing the folders and files reported, as written
     */
    private static Optional<Problem> caseClash(String path, Map<String, String> seen, Set<String> clashing) {
        return caseClash(path, seen).map(CaseClash::problem).filter(clash -> clashing.add(clash.file()));
    }

    /**
     * A folder or file name of a path that an earlier path spells in other letter case.
     *
     * @param written the path's folder (with its '/') or file, as written
     * @param other   the earlier path's folder (with its '/') or file, as written
     * @param problem the error at {@code written}, as validate gives it
     */
    public record CaseClash(String written, String other, Problem problem) {

        public CaseClash {
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(other, "other");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * The path's first folder or file name that an earlier path spells in other letter case, with its error, as
     * validate gives it: also for what copies files into a package, such as {@code prompd init --from}, which refuses a
     * name validate would, naming the file it clashes with.
     *
     * @param seen the folders (with their '/') and files of the earlier paths, as written, by case-folded key, to which
     *             the path's are added
     */
    public static Optional<CaseClash> caseClash(String path, Map<String, String> seen) {
        String[] segments = Glob.segmentsOf(path);
        StringBuilder prefix = new StringBuilder(path.length());
        for (int i = 0; i < segments.length; i++) {
            prefix.append(segments[i]);
            String name = prefix.toString();
            String written = i + 1 < segments.length ? name + "/" : name;
            String other = seen.putIfAbsent(PackagePaths.caseFoldKey(name), written);
            // the same name as a file and as a folder is a name a Git tree holds twice, which has a rule of its own
            if (other != null && !other.equals(name) && !other.equals(name + "/")) {
                return Optional.of(new CaseClash(written, other, caseClash(written, other)));
            }
            prefix.append('/');
        }
        return Optional.empty();
    }

    private static Problem caseClash(String written, String other) {
        boolean folder = written.endsWith("/");
        String one = folder != other.endsWith("/")
                ? "one name on Windows and macOS, which a file and a folder cannot share"
                : (folder ? "one folder" : "one file") + " on Windows and macOS";
        return Problem.error(written, "", "the " + (folder ? "folder" : "path") + " differs from '" + other
                + "' only in letter case, so they would be " + one, "rename one of them");
    }

    /**
     * The error of a file over the per-file limit, with the hint given: one who knows what refers to it restates it.
     */
    public static Problem overLimit(SourceEntry entry, ArchiveLimits limits, PackageLocation location, String hint) {
        return Problem.error(entry.path(), "", "the file has " + location.overFileLimit(entry.size(), limits),
                location.orRaise(hint, limits, ArchiveLimits.Bound.FILE_BYTES));
    }

    private static void checkKind(SourceEntry entry, PackageLocation location, Problems problems) {
        String path = entry.path();
        switch (entry.kind()) {
            case FILE -> { }
            case SYMLINK -> problems.error(path, "", "the file is a symbolic link, and links are never packed",
                    location.fixOrLeaveOut("replace the link with a copy of the file"));
            case HARDLINK -> problems.error(path, "", "the file is a hard link (it has other names on disk),"
                    + " and links are never packed", location.fixOrLeaveOut("replace it with a plain copy"));
            case OTHER -> problems.error(path, "", "the entry is not a regular file (a device, socket, pipe or"
                    + " Git submodule)", location.removeOrLeaveOut());
        }
    }
}
