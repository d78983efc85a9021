package io.prompd.core.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.prompd.core.Plural;
import io.prompd.core.ShellWords;
import io.prompd.core.Sizes;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.PackagePaths;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.json.PlainText;
import io.prompd.core.name.NameCorrection;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.problem.Decomposed;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
import io.prompd.core.problem.SuspectCharacters;
import io.prompd.core.prompt.WrittenPaths;
import io.prompd.core.source.Utf8;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a {@code prompd.json} and reports every problem in it at once, each with its field and line.
 * Unknown fields are kept (and warned about) so that rewriting a manifest loses nothing.
 */
public final class ManifestReader {

    public static final String FILE_NAME = "prompd.json";

    /**
     * The most bytes a manifest may have: a registry copies its fields into the package's index, once a version, and
     * into the list of all packages, which every install and search downloads, so that a megabyte of description or
     * of keywords in one version would weigh on every user of the registry. A real one has a few hundred bytes; the
     * largest of Prompd users' packages ({@code ../shared/corpus}) under 2 KiB.
     */
    public static final int MAX_BYTES = 64 * 1024;

    /** npm's prefix of an alias, {@code "x": "npm:@acme/tiny@^1.0.0"}: another name for a registry's package. */
    private static final String NPM_ALIAS = "npm:";
    /** A version of one or two numbers, as npm's {@code 1} and pip's {@code 1.0}, which SemVer writes with three. */
    private static final Pattern SHORT_VERSION = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?");
    /**
     * A Windows drive starting a path, {@code C:/repo} or {@code C:} alone: the path is absolute, where {@code x:y} is
     * a folder whose name has a colon, which a link to it takes as it is.
     */
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:(?:/|$)");
    /** A URL's start, a scheme and '//', as in {@code https://github.com/acme/prompts/tree/main/packages/tone}. */
    private static final Pattern URL_START = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    /**
     * Said of a field an author's package may lack but a registry's check refuses a version without, as cargo package
     * warns where cargo publish refuses: validate and pack warn, so that an author learns it before the pull request.
     */
    private static final String REQUIRED_TO_PUBLISH = "which a registry requires to publish the package";
    /** How a browser follows a URL without a scheme, as the refusal of one says. */
    private static final String RELATIVE_LINK = "a browser follows it as a link relative to the page showing it";
    private static final String SCHEMES_ALLOWED = "the schemes allowed are " + Plural.series(
            Repository.SCHEMES.stream().map(scheme -> scheme + ":").toList(), "and");

    private final String file;
    private final SuggestedCommands commands;
    private final Problems problems = new Problems();
    private final Manifest.Builder fields = new Manifest.Builder();
    /** The lists some of whose entries were left out, with the file index of each entry kept. */
    private final Map<String, List<Integer>> kept = new TreeMap<>();

    private ManifestReader(String file, SuggestedCommands commands) {
        this.file = file;
        this.commands = commands;
    }

    /**
     * Whether a file name is the manifest's in other letter case ({@code Prompd.json}): macOS and Windows show it as
     * the manifest, where Linux, Git and the registry do not read it.
     */
    public static boolean isMiscased(String name) {
        return !name.equals(FILE_NAME) && PackagePaths.caseFoldKey(name).equals(FILE_NAME);
    }

    /**
     * @param file the manifest's path relative to the package root, as problems name it (usually {@value #FILE_NAME})
     * @param json the file's bytes, UTF-8 (a byte order mark allowed, as in any text file of a package)
     * @param commands how the hints spell the prompd commands they suggest
     */
    public static ManifestResult read(String file, byte[] json, SuggestedCommands commands) {
        return new ManifestReader(file, commands).readDocument(json);
    }

    private ManifestResult readDocument(byte[] json) {
        Optional<Problem> notUtf8 = JsonTrees.encodingProblem(file, json);
        if (notUtf8.isPresent()) {
            return unread(notUtf8.get());
        }
        JsonNode root;
        try {
            // decimals kept as written so unknown fields survive a rewrite; a repeated key is an error, and the rest of
            // the file is read all the same, so that a later check knows its dependencies and its other errors show
            root = JsonTrees.readLastCounting(json, repeated -> problems.add(repeated.problem(file)));
        } catch (JsonProcessingException malformed) {
            return malformed(json, malformed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse bytes held in memory", e);
        }
        if (root.isMissingNode()) {
            problems.error(file, "", "the manifest is empty",
                    "write a JSON object such as {\"name\": \"@scope/name\", \"version\": \"1.0.0\"}");
        } else if (!root.isObject()) {
            problems.error(file, "", "the manifest must be a JSON object, not " + typeOf(root), "");
        } else {
            readFields(root);
            PlainText.warnings(root, "", problems.sorted(), (at, message, hint) -> problems.warning(file, at, message,
                    hint));
        }
        problems.addAll(loneCarriageReturns(json));
        if (json.length > MAX_BYTES) {
            problems.error(file, "", "the manifest has " + Sizes.overLimit(json.length, MAX_BYTES),
                    "shorten it, the description first (a README is the place for long text): a registry copies its"
                            + " fields into the indexes every install downloads, once a version");
        }
        FieldLines lines = FieldLines.ofJson(json);
        // Sorted again once lines are known: the order is by file, then line.
        List<Problem> found = lines.locate(problems.sorted()).stream().sorted(Problem.ORDER).toList();
        Optional<Manifest> manifest = Problems.anyError(found) ? Optional.empty() : Optional.of(fields.build());
        return new ManifestResult(file, manifest, fields.draft(), found, lines, kept);
    }

    /**
     * The CRs of the file, UTF-8 read already, that end no line, as JSON reads them for white space, the only control
     * characters JSON allows outside its strings, whose own {@link PlainText} refuses: Git and a diff show one inside
     * its line, and a terminal showing the file goes back to the line's start there, so that what follows hides what
     * precedes it from a reviewer, a dependency among it. Named as in any other text file of the package.
     */
    private List<Problem> loneCarriageReturns(byte[] json) {
        String text = Utf8.withoutByteOrderMark(new String(json, StandardCharsets.UTF_8));
        return SuspectCharacters.CONTROL_IN_FILES.noneIn(text) ? List.of() : SuspectCharacters.atFirstLine(file,
                SuspectCharacters.lines(text), 1, List.of(SuspectCharacters.CONTROL_IN_FILES));
    }

    private ManifestResult malformed(byte[] json, JsonProcessingException malformed) {
        return unread(JsonSyntaxError.problem(file, json, malformed,
                "fix the JSON syntax; an editor with JSON support shows the spot"));
    }

    /** The result of a manifest that does not read as a document at all, for the one problem saying why. */
    private ManifestResult unread(Problem problem) {
        return new ManifestResult(file, Optional.empty(), ManifestDraft.empty(), List.of(problem), FieldLines.none(),
                Map.of());
    }

    private void readFields(JsonNode root) {
        fields.name(required(root, ManifestFields.NAME, "\"@scope/name\"").flatMap(this::packageName).orElse(null));
        fields.version(required(root, ManifestFields.VERSION, "\"1.0.0\"").flatMap(this::version).orElse(null));
        fields.description(description(root).orElse(null));
        fields.author(author(root).orElse(null));
        fields.license(license(root).orElse(null));
        fields.keywords(textList(root, ManifestFields.KEYWORDS));
        warnOfUnsearchedKeywords(root.get(ManifestFields.KEYWORDS));
        fields.category(optionalText(root, ManifestFields.CATEGORY).orElse(null));
        fields.main(optionalText(root, ManifestFields.MAIN).orElse(null));
        Map<String, String> prompts = textMap(root, ManifestFields.PROMPTS);
        // in the order written, so that the later of two names is the one told
        warnOfPromptNamesReadingAlike(Optional.ofNullable(root.get(ManifestFields.PROMPTS)).stream()
                .flatMap(node -> node.properties().stream()).map(Map.Entry::getKey).filter(prompts::containsKey)
                .toList());
        fields.prompts(prompts);
        Set<PackageName> invalidRanges = new TreeSet<>();
        fields.dependencies(dependencies(root, invalidRanges));
        fields.invalidRanges(invalidRanges);
        Map<String, String> engines = textMap(root, ManifestFields.ENGINES);
        // other engines are models and tools, named as their makers write versions; prompd's are SemVer
        Optional.ofNullable(engines.get(ManifestFields.PROMPD_ENGINE)).ifPresent(range -> parsed(range,
                Pointer.of(ManifestFields.ENGINES, ManifestFields.PROMPD_ENGINE), VersionRange::parse,
                "write the prompd versions the package works with as a range, such as >=0.1.0"));
        fields.engines(engines);
        fields.repository(repository(root).orElse(null));
        fields.files(files(root));
        fields.ignore(textList(root, ManifestFields.IGNORE));
        fields.readme(optionalText(root, ManifestFields.README).orElse(null));
        fields.type(optionalText(root, ManifestFields.TYPE).orElse(null));
        fields.extra(unknownFields(root));
    }

    private Optional<String> required(JsonNode root, String field, String example) {
        if (!root.has(field)) {
            problems.error(file, Pointer.of(field), "the required field '" + field + "' is missing",
                    "add \"" + field + "\": " + example);
            return Optional.empty();
        }
        return text(root.get(field), Pointer.of(field));
    }

    private Optional<PackageName> packageName(String text) {
        return parsed(text, Pointer.of(ManifestFields.NAME), PackageName::parse, NameCorrection.of(text)
                .map(corrected -> corrected.rule() + ", so write \"" + ManifestFields.NAME + "\": \"" + corrected.name()
                        + "\"")
                .orElse("use lowercase letters, digits, '.', '_' and '-', as in @scope/my-prompts"));
    }

    private Optional<Version> version(String text) {
        String hint = SHORT_VERSION.matcher(text).matches()
                ? "write \"" + ManifestFields.VERSION + "\": \"" + text + (text.contains(".") ? ".0" : ".0.0") + "\""
                : "";
        return parsed(text, Pointer.of(ManifestFields.VERSION), Version::parse, hint);
    }

    /** The value parsed, or empty after reporting the parser's message as an error. */
    private <T> Optional<T> parsed(String text, String at, Function<String, T> parser, String hint) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException invalid) {
            problems.error(file, at, invalid.getMessage(), hint);
            return Optional.empty();
        }
    }

    /** A text field that may be left out; a blank one counts as left out, with a warning. */
    private Optional<String> optionalText(JsonNode root, String field) {
        return root.has(field) ? nonBlank(root.get(field), Pointer.of(field)) : Optional.empty();
    }

    private Optional<String> nonBlank(JsonNode node, String at) {
        Optional<String> value = text(node, at);
        if (value.isPresent() && value.get().isBlank()) {
            problems.warning(file, at, "'" + Pointer.field(at) + "' is empty, so prompd treats it as absent",
                    "fill it in or remove it");
            return Optional.empty();
        }
        return value;
    }

    /**
     * A string field; every one is shown to people (prompd info, the check's comment, the registry's search once it
     * has one), so none holds a control character or a bidi control ({@link PlainText}). One that does is read as
     * absent once reported, so that no later rule (a range's, a license's, a path's) reports it again, quoting the
     * character.
     */
    private Optional<String> text(JsonNode node, String at) {
        if (!node.isTextual()) {
            wrongType(at, "a string", "", node);
            return Optional.empty();
        }
        return PlainText.value(node.textValue(), at, this::refuse) ? Optional.of(node.textValue()) : Optional.empty();
    }

    /**
     * Whether the name of the member at {@code at} is plain, refusing it if not: the names of a manifest's objects
     * are shown as its strings are, each on a line of its own.
     */
    private boolean plainName(String at, String name) {
        return PlainText.name(name, at, this::refuse);
    }

    private void refuse(String at, String message, String hint) {
        problems.error(file, at, message, hint);
    }

    private Optional<String> description(JsonNode root) {
        if (!root.has(ManifestFields.DESCRIPTION)) {
            problems.warning(file, Pointer.of(ManifestFields.DESCRIPTION), "the manifest has no description, "
                    + REQUIRED_TO_PUBLISH, "add \"description\" with a sentence saying what the prompts are for;"
                    + " prompd info shows it, and the registry lists it in packages.json");
        }
        return optionalText(root, ManifestFields.DESCRIPTION);
    }

    private Optional<Person> author(JsonNode root) {
        JsonNode node = root.get(ManifestFields.AUTHOR);
        String at = Pointer.of(ManifestFields.AUTHOR);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            PlainText.members(node, at, List.of("name", "email", "url"), this::refuse);
            JsonNode written = node.path("name");
            if (written.isMissingNode() || written.isTextual() && written.textValue().isBlank()) {
                problems.error(file, at + "/name", "the author needs a name",
                        "write \"author\": {\"name\": \"Your Name\"}");
                return Optional.empty();
            }
            Optional<String> name = text(written, at + "/name");
            Optional<String> email = memberText(node, "email", at);
            Optional<String> url = memberText(node, "url", at);
            return name.map(text -> new Person(text, email.orElse(""), url.orElse("")));
        }
        if (node.isTextual()) {
            return nonBlank(node, at).map(Person::parse);
        }
        wrongType(at, "a string or an object {name, email, url}", "\"Ada Lovelace <ada@example.org>\"", node);
        return Optional.empty();
    }

    private Optional<String> memberText(JsonNode object, String member, String at) {
        return object.has(member) ? text(object.get(member), at + "/" + member) : Optional.empty();
    }

    private Optional<String> license(JsonNode root) {
        String at = Pointer.of(ManifestFields.LICENSE);
        if (!root.has(ManifestFields.LICENSE)) {
            problems.warning(file, at, "the manifest has no license, " + REQUIRED_TO_PUBLISH + ": without one nobody"
                    + " knows whether they may use the prompts",
                    "add \"license\": \"MIT\" or another SPDX identifier, or \"UNLICENSED\" to keep all rights");
            return Optional.empty();
        }
        Optional<String> license = nonBlank(root.get(ManifestFields.LICENSE), at);
        license.ifPresent(text -> problems.addAll(LicenseCheck.check(text, file, at)));
        return license;
    }

    /** @param invalidRanges receives the packages declared with a range that is not valid */
    private Map<PackageName, VersionRange> dependencies(JsonNode root, Set<PackageName> invalidRanges) {
        Map<PackageName, VersionRange> dependencies = new TreeMap<>();
        JsonNode node = root.get(ManifestFields.DEPENDENCIES);
        if (node == null) {
            return dependencies;
        }
        if (!node.isObject()) {
            wrongType(Pointer.of(ManifestFields.DEPENDENCIES), "an object of package names to version ranges",
                    "{\"@scope/name\": \"^1.0.0\"}", node);
            return dependencies;
        }
        node.properties().forEach(entry -> {
            String at = Pointer.of(ManifestFields.DEPENDENCIES, entry.getKey());
            Optional<PackageName> name = plainName(at, entry.getKey()) ? parsed(entry.getKey(), at, PackageName::parse,
                    "name the package as it is published, as in @scope/name") : Optional.empty();
            Optional<VersionRange> range = text(entry.getValue(), at)
                    .flatMap(text -> parsed(text, at, VersionRange::parse, rangeHint(entry.getKey(), text)));
            if (name.isPresent() && range.isPresent()) {
                dependencies.put(name.get(), range.get());
            } else if (name.isPresent()) {
                invalidRanges.add(name.get());
            }
        });
        Optional<String> own = Optional.ofNullable(root.get(ManifestFields.NAME)).filter(JsonNode::isTextual)
                .map(JsonNode::textValue);
        own.filter(node::has).ifPresent(self -> problems.error(file, Pointer.of(ManifestFields.DEPENDENCIES, self),
                "the package depends on itself", "remove this dependency"));
        return dependencies;
    }

    /**
     * npm reads a dist-tag in a manifest too, but a manifest's ranges must say which versions fit without a
     * registry; npm's other sources (github:, git+https:, file:, npm:, URLs) all have a scheme, which no range has.
     */
    private String rangeHint(String name, String written) {
        if (PackageSpec.DistTag.isValid(written)) {
            // not 'prompd install NAME@TAG': every install refuses this file first, and whether the word is a dist-tag
            // of the package takes its registry to tell
            return "dist-tags are for the command line, not " + FILE_NAME + ": write a range in its place, such as"
                    + " ^1.2.0 (" + commands.quoted("info " + ShellWords.quote(name)) + " shows the version each of its"
                    + " dist-tags points to)";
        }
        if (written.startsWith(NPM_ALIAS)) {
            return npmAliasHint(written.substring(NPM_ALIAS.length()));
        }
        if (written.contains(":")) {
            return "prompd installs packages from registries only, not from Git, URLs or folders: publish " + name
                    + " to a registry and use a range such as ^1.2.0";
        }
        return "use a range such as ^1.2.0 or ~1.2.3";
    }

    /**
     * An alias names a registry's package, so the hint for Git, URLs and folders misled: the package is to be depended
     * on as itself, {@code "@acme/tiny": "^0.0.1"} for {@code npm:@acme/tiny@^0.0.1}.
     */
    private static String npmAliasHint(String aliased) {
        int at = aliased.lastIndexOf('@');
        String name = at > 0 ? aliased.substring(0, at) : aliased;
        String range = at > 0 ? aliased.substring(at + 1) : "";
        return "aliases (" + NPM_ALIAS + ") are not supported: depend on " + name + " under its own name, as in \""
                + name + "\": \"" + (range.isEmpty() ? "^1.2.0" : range) + "\"";
    }

    /**
     * An empty list restricts nothing, as absent does, and so packs every file: written out, it rather looks like a
     * list not filled in yet, or like packing nothing.
     */
    private List<String> files(JsonNode root) {
        JsonNode node = root.get(ManifestFields.FILES);
        if (node != null && node.isArray() && node.isEmpty()) {
            problems.warning(file, Pointer.of(ManifestFields.FILES), "'files' is empty, so it restricts nothing and"
                    + " every file of the package is packed", "list the files to pack in it, or remove it");
        }
        return textList(root, ManifestFields.FILES);
    }

    private Optional<Repository> repository(JsonNode root) {
        JsonNode node = root.get(ManifestFields.REPOSITORY);
        String at = Pointer.of(ManifestFields.REPOSITORY);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            PlainText.members(node, at, List.of("type", "url", "directory"), this::refuse);
            JsonNode written = node.path("url");
            if (written.isMissingNode() || written.isTextual() && written.textValue().isBlank()) {
                problems.error(file, at + "/url", "the repository needs a url",
                        "write \"repository\": {\"type\": \"git\", \"url\": \"https://...\"}");
                return Optional.empty();
            }
            Optional<String> url = text(written, at + "/url").filter(text -> ofARepositorysScheme(text, at + "/url"));
            String type = node.has("type") ? nonBlank(node.get("type"), at + "/type").orElse(Repository.DEFAULT_TYPE)
                    : Repository.DEFAULT_TYPE;
            Optional<String> directory = node.has("directory") ? nonBlank(node.get("directory"), at + "/directory")
                    .filter(path -> aFolderInTheRepository(path, at + "/directory")) : Optional.empty();
            return url.map(text -> new Repository(type, text, directory.orElse(null)));
        }
        if (node.isTextual()) {
            return nonBlank(node, at).filter(text -> ofARepositorysScheme(text, at)).map(Repository::git);
        }
        wrongType(at, "a URL string or an object {type, url}", "\"https://github.com/owner/repo\"", node);
        return Optional.empty();
    }

    /**
     * Whether the path names a folder inside the repository as a link to it needs, from the repository's root with
     * '/' between folders, in {@linkplain WrittenPaths#normalForm normal form}, refusing it if not: a page joins it to
     * the repository's address, where a backslash, a leading '/' or '~', a '..' or a URL would make it point somewhere
     * else, a '%' would start an escape ({@code %2e%2e} is '..' to a browser), and an empty or '.' folder would lead
     * to the address of no folder of the repository.
     */
    private boolean aFolderInTheRepository(String path, String at) {
        String slashed = WrittenPaths.withSlashes(path);
        String example = ", such as \"directory\": \"packages/tone\"";
        Optional<String> notFromTheRoot = notFromTheRoot(slashed);
        if (notFromTheRoot.isPresent()) {
            return refuseFolder(at, notFromTheRoot.get(), "write it as from the repository's root" + example);
        }
        if (slashed.contains("%")) {
            return refuseFolder(at, "has '%', which a link to the folder reads as the start of an escape ('%2e' as"
                    + " '.')", "write the folders' names as they are, without escapes" + example);
        }
        Optional<String> miswritten = slashed.equals(path) ? WrittenPaths.offNormal(slashed, false)
                .map(off -> "has " + off) : Optional.of("has a backslash");
        if (miswritten.isPresent()) {
            String normal = WrittenPaths.normalForm(slashed);
            return refuseFolder(at, miswritten.get(), normal.isEmpty() ? "leave 'directory' out: the package is at"
                    + " the repository's root" : "write '" + normal + "'");
        }
        return true;
    }

    private boolean refuseFolder(String at, String wrong, String hint) {
        problems.error(file, at, "'" + Pointer.field(at) + "' " + wrong + ": it is the package's folder in the"
                + " repository, from the repository's root, with '/' between folders", hint);
        return false;
    }

    /**
     * What makes a path with '/' between folders no path from the repository's root, if anything does: it is a URL,
     * is absolute, starts from a home folder as a shell reads '~', or leads out of the folder it starts from.
     */
    private static Optional<String> notFromTheRoot(String slashed) {
        if (URL_START.matcher(slashed).lookingAt()) {
            return Optional.of("is a URL");
        }
        if (slashed.startsWith("/") || WINDOWS_DRIVE.matcher(slashed).lookingAt()) {
            return Optional.of("is absolute");
        }
        if (slashed.startsWith("~")) {
            return Optional.of("starts with '~', a home folder");
        }
        return Arrays.asList(slashed.split("/")).contains("..") ? Optional.of("has a '..' folder") : Optional.empty();
    }

    /**
     * Whether the URL has none of the schemes {@link Repository#SCHEMES} refuses, nor lacks a scheme where a browser
     * needs one (npm's {@code owner/repo}, {@code github.com/owner/repo}), refusing it if it is either.
     */
    private boolean ofARepositorysScheme(String url, String at) {
        Optional<Problem> refused = schemeRefusal(url, at);
        refused.ifPresent(problems::add);
        return refused.isEmpty();
    }

    /** What is wrong with the URL's scheme, or its lack of one, and how to write it; empty when nothing is. */
    private Optional<Problem> schemeRefusal(String url, String at) {
        String field = "'" + Pointer.field(at) + "'";
        Optional<String> scheme = Repository.refusedScheme(url);
        String followed = scheme.map(refused -> "a browser follows it as a link of the scheme " + refused + ":,"
                + " which no repository's address has").orElse(RELATIVE_LINK);
        Optional<Repository.ScpAddress> scp = scheme.flatMap(refused -> Repository.scpWithoutUser(url));
        if (scp.isPresent()) {
            return urlRefusal(at, field + " is " + scp.get() + ", git's scp address without a user: " + followed,
                    "write it with a user, " + scp.get().withUser() + ", or as " + scp.get().overHttps());
        }
        Optional<Repository.HostPath> hostPath = Repository.hostPathWithoutScheme(url);
        if (hostPath.isPresent()) {
            // git reads host:8443/team/repo as the path 8443/team/repo on host: a number could be either
            Optional<Repository.ScpAddress> asGitReads = scheme.flatMap(refused -> Repository.asGitReadsWithoutAUser(
                    url));
            return urlRefusal(at, field + " is " + hostPath.get().parts() + " without a scheme: " + followed,
                    "write it with its scheme, " + hostPath.get().overHttps() + asGitReads.map(path -> ", or, if git"
                            + " clones it as an scp address with the path " + path.path() + ", as "
                            + path.withUser()).orElse(""));
        }
        if (scheme.isPresent()) {
            return Optional.of(Problem.error(file, at, field + " has the scheme " + scheme.get() + ":, which no"
                    + " repository's address has: " + SCHEMES_ALLOWED, sourcesHint(url)));
        }
        Optional<String> schemeRelative = Repository.schemeRelative(url);
        if (schemeRelative.isPresent()) {
            return urlRefusal(at, field + " starts with '//' and a host, without a scheme: a browser follows it"
                    + " by the scheme of the page showing it", "write it with its scheme, " + schemeRelative.get());
        }
        if (Repository.shorthandAddress(url).isPresent()) {
            // npm reads owner/repo as github:owner/repo, which is refused
            return urlRefusal(at, field + " is npm's shorthand owner/repo of github:owner/repo: " + RELATIVE_LINK,
                    sourcesHint(url));
        }
        if (Repository.withoutScheme(url)) {
            return urlRefusal(at, field + " has no scheme: " + RELATIVE_LINK, sourcesHint(url));
        }
        return Optional.empty();
    }

    /** A refusal saying what the URL is and how a browser follows it, then which schemes are allowed. */
    private Optional<Problem> urlRefusal(String at, String what, String hint) {
        return Optional.of(Problem.error(file, at, what + "; " + SCHEMES_ALLOWED, hint));
    }

    /** The hint to a URL that is no repository's address: npm's shorthand's, if it is one, else an example. */
    private static String sourcesHint(String url) {
        return "write the address of the package's sources, " + Repository.shorthandAddress(url).orElse("such as"
                + " https://github.com/owner/repo");
    }

    private List<String> textList(JsonNode root, String field) {
        JsonNode node = root.get(field);
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            wrongType(Pointer.of(field), "an array of strings", "[\"sql\", \"explain\"]", node);
            return values;
        }
        List<Integer> indexes = new ArrayList<>();
        for (int index = 0; index < node.size(); index++) {
            String at = Pointer.of(field, String.valueOf(index));
            Optional<String> value = text(node.get(index), at);
            if (value.isPresent()) {
                values.add(value.get());
                indexes.add(index);
            }
        }
        if (indexes.size() < node.size()) {
            kept.put(Pointer.of(field), indexes);
        }
        return values;
    }

    /**
     * Warns of a blank keyword and of one repeating an earlier one in any letter case: either adds nothing a reader or
     * a search could use, and is most likely a slip, but neither is worth refusing a version for.
     */
    private void warnOfUnsearchedKeywords(JsonNode keywords) {
        if (keywords == null || !keywords.isArray()) {
            return;
        }
        Map<String, Integer> firstIndexes = new HashMap<>();
        for (int index = 0; index < keywords.size(); index++) {
            if (!keywords.get(index).isTextual()) {
                continue;
            }
            String keyword = keywords.get(index).asText();
            String at = Pointer.of(ManifestFields.KEYWORDS, String.valueOf(index));
            Integer first = firstIndexes.putIfAbsent(keyword.strip().toLowerCase(Locale.ROOT), index);
            if (keyword.isBlank()) {
                problems.warning(file, at, "keyword " + index + " is blank, so it describes nothing",
                        "remove it, or write a word people would search for");
            } else if (first != null) {
                problems.warning(file, at, "keyword " + index + " '" + keyword + "' repeats keyword " + first + " '"
                        + keywords.get(first).asText() + "'", "remove it");
            }
        }
    }

    private Map<String, String> textMap(JsonNode root, String field) {
        JsonNode node = root.get(field);
        Map<String, String> values = new TreeMap<>();
        if (node == null) {
            return values;
        }
        if (!node.isObject()) {
            wrongType(Pointer.of(field), "an object of strings", "{\"key\": \"text\"}", node);
            return values;
        }
        node.properties().forEach(entry -> {
            String at = Pointer.of(field, entry.getKey());
            boolean plain = plainName(at, entry.getKey());
            text(entry.getValue(), at).filter(value -> plain).ifPresent(value -> values.put(entry.getKey(), value));
        });
        return values;
    }

    /**
     * A prompt is run by its name, typed: two names that differ only in letter case or in their Unicode normalization
     * (one written decomposed, as macOS gives names out) look the same, so which one runs is a guess. Each is told at
     * the name written later.
     */
    private void warnOfPromptNamesReadingAlike(List<String> names) {
        Map<String, String> firstByKey = new HashMap<>();
        names.forEach(name -> {
            String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
            String first = firstByKey.putIfAbsent(composed.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                boolean normalizationOnly = Normalizer.normalize(first, Normalizer.Form.NFC).equals(composed);
                problems.warning(file, Pointer.of(ManifestFields.PROMPTS, name), "the prompt name '" + name
                        + "' reads as '" + first + "', another name of 'prompts': they differ only in "
                        + (normalizationOnly ? "their Unicode normalization (one is written " + Decomposed.HOW + ")"
                        : "letter case"), "rename one of them, so that a name typed runs the prompt meant");
            }
        });
    }

    private Map<String, JsonNode> unknownFields(JsonNode root) {
        Map<String, JsonNode> extra = new TreeMap<>();
        root.properties().stream()
                .filter(entry -> !ManifestFields.isKnown(entry.getKey()))
                .forEach(entry -> {
                    String at = Pointer.of(entry.getKey());
                    extra.put(entry.getKey(), entry.getValue());
                    if (plainName(at, entry.getKey())) {
                        problems.warning(file, at, "unknown field '" + entry.getKey() + "'",
                                Spelling.didYouMean(entry.getKey(), ManifestFields.KNOWN)
                                        .orElse("prompd keeps it but does not use it; the known fields are "
                                                + String.join(", ", ManifestFields.KNOWN)));
                    }
                    // prompd keeps a field it does not know in the package's prompd.json, where other tools show it
                    PlainText.tree(entry.getValue(), at, this::refuse);
                });
        return extra;
    }

    /** @param example a value of the expected type as JSON writes it, for the hint; empty where none fits every key */
    private void wrongType(String at, String expected, String example, JsonNode actual) {
        problems.error(file, at, "'" + Pointer.field(at) + "' must be " + expected + ", not " + typeOf(actual),
                "write " + expected + " there" + (example.isEmpty() ? ", in quotes" : ", such as "
                        + Pointer.lastKey(at).map(key -> "\"" + key + "\": ").orElse("") + example));
    }

    private static String typeOf(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> "a " + type.name().toLowerCase(Locale.ROOT);
        };
    }
}
