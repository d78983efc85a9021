package io.prompd.generator.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.prompd.core.SortedCopies;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.json.PlainText;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.RepositoryPaths;
import io.prompd.core.protocol.MalformedUrls;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The registry's own settings, from {@code registry.json} at the root of the registry repository.
 *
 * @param name        display name of the registry
 * @param baseUrl     where the static registry is served, ending with {@code /}
 * @param git         clone URL of the registry repository
 * @param maintainers GitHub logins allowed to merge and to publish in any scope
 * @param isPrivate   whether the registry needs credentials to read
 * @param policy      what packages may hold and be called
 */
public record RegistryConfig(String name, URI baseUrl, URI git, SortedSet<String> maintainers, boolean isPrivate,
                             Policy policy) {

    public static final String FILE = "registry.json";

    /** The field of {@code policy} naming the external scopes, which the check's messages name too. */
    public static final String EXTERNAL_SCOPES = "externalScopes";

    /** How the problems of {@code baseUrl} name it. */
    private static final String BASE_URL = "the base URL";

    private static final String BASE_URL_FIX = "write the registry's URL as clients are set up with it, as"
            + " https://host/path/";

    private static final String URL_FIX = "write it as https://host/path/";

    public RegistryConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(git, "git");
        maintainers = Logins.of(maintainers);
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * Rules the check applies to what a pull request adds: versions published before a rule changed stay
     * served.
     *
     * @param limits        bounds on files and sizes, no higher than {@link ArchiveLimits#DEFAULT} when read
     *                      from registry.json
     * @param maxPathLength the longest path a pull request may add to the repository, in characters as Windows counts
     *                      them ({@link RepositoryPaths#DEFAULT_MAX_LENGTH} unless set): one that clones the registry
     *                      knows, so it may be raised as well as lowered
     * @param reservedNames unscoped package names nobody but maintainers may publish (a scope needs none: only
     *                      maintainers add scopes), as written, those that reserve nothing included
     * @param externalScopes scopes, with their {@code @}, whose packages live in another registry, which clients route
     *                      them to: this registry's packages may depend on them, and it publishes none of its own in
     *                      them; as written, those that name no scope included
     */
    public record Policy(ArchiveLimits limits, int maxPathLength, SortedSet<String> reservedNames,
                         SortedSet<String> externalScopes) {

        public static final Policy DEFAULT = new Policy(ArchiveLimits.DEFAULT, RepositoryPaths.DEFAULT_MAX_LENGTH,
                Collections.emptySortedSet(), Collections.emptySortedSet());

        public Policy {
            Objects.requireNonNull(limits, "limits");
            if (maxPathLength < 1 || maxPathLength > RepositoryPaths.MAX_LENGTH_CEILING) {
                throw new IllegalArgumentException("maxPathLength must be from 1 to "
                        + RepositoryPaths.MAX_LENGTH_CEILING + ": " + maxPathLength);
            }
            reservedNames = SortedCopies.set(reservedNames);
            externalScopes = SortedCopies.set(externalScopes);
        }

        /** Whether the package is in one of the {@link #externalScopes}: another registry's, never this one's. */
        public boolean isExternal(PackageName name) {
            return name.isScoped() && externalScopes.contains(name.scopeWithAt());
        }
    }

    public boolean isMaintainer(String login) {
        return maintainers.contains(login);
    }

    /**
     * {@code registry.json} as read: the settings, and each field as written, for telling a pull request's changes to
     * it field by field, as {@link Scopes} gives each entry of scopes.json that reads whatever another's error.
     *
     * @param settings  the settings, absent when the file does not read as a whole or lacks a name, base URL or git URL
     *                  the registry can be built with
     * @param asWritten every field as read, present whenever the file is a JSON object: a field that did not read holds
     *                  a stand-in (an empty name or URL, a default), which {@link Parsed#reads} tells from the file's
     *                  own; with every problem found
     */
    public record Reading(Optional<RegistryConfig> settings, Parsed<RegistryConfig> asWritten) {

        public Reading {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(asWritten, "asWritten");
        }
    }

    /** Reads {@code registry.json}, reporting every missing or malformed field. */
    public static Parsed<RegistryConfig> parse(byte[] json) {
        Reading read = read(json);
        return new Parsed<>(read.settings(), read.asWritten().problems());
    }

    /** Reads {@code registry.json} as {@link #parse} does, keeping each field as written too. */
    public static Reading read(byte[] json) {
        JsonFile.Opened read = JsonFile.parse(FILE, json);
        if (read.json().isEmpty()) {
            return new Reading(Optional.empty(), Parsed.failed(read.problems()));
        }
        JsonFile file = read.json().get();
        Optional<String> name = file.requiredText("/name");
        if (name.isPresent() && name.get().isBlank()) {
            file.error("/name", "the registry name must not be empty", "give the registry a display name");
            name = Optional.empty();
        }
        Optional<URI> baseUrl = file.requiredText("/baseUrl").flatMap(text -> url(file, "/baseUrl", text, true));
        Optional<URI> git = file.requiredText("/git").flatMap(text -> url(file, "/git", text, false));
        file.unknownFields("", "name", "baseUrl", "git", "maintainers", "private", "policy");
        List<String> maintainers = file.logins("/maintainers");
        boolean isPrivate = file.optional("/private", JsonNodeType.BOOLEAN, "true or false")
                .map(JsonNode::asBoolean).orElse(false);
        Policy policy = policy(file);
        URI noUrl = URI.create("");
        RegistryConfig asWritten = new RegistryConfig(name.orElse(""), baseUrl.orElse(noUrl), git.orElse(noUrl),
                new TreeSet<>(maintainers), isPrivate, policy);
        boolean buildable = name.isPresent() && baseUrl.isPresent() && git.isPresent();
        return new Reading(buildable ? Optional.of(asWritten) : Optional.empty(),
                Parsed.of(asWritten, file.problems()));
    }

    /**
     * A URL with a user part is an error but still read, so that maintainers stay known to the check of the pull
     * request that takes it out.
     */
    private static Optional<URI> url(JsonFile file, String pointer, String text, boolean isBaseUrl) {
        try {
            URI uri = new URI(text);
            // a base URL is refused in the words of build --base-url for the same value
            Optional<String> unreadable = isBaseUrl ? BaseUrl.unreadable(uri, BASE_URL) : notAbsolute(uri, text);
            if (unreadable.isPresent()) {
                file.error(pointer, unreadable.get(), isBaseUrl ? BASE_URL_FIX : URL_FIX);
                return Optional.empty();
            }
            Optional<UrlUserPart> userPart = isBaseUrl ? UrlUserPart.of(uri) : Optional.empty();
            // the build writes no base URL of registry.json into its documents, but clients are set up with this one
            userPart.ifPresent(user -> file.error(pointer, user.refusal(BASE_URL, "every reader of the"
                    + " repository sees and every client set up with this URL would copy"), user.fix()));
            if (!isBaseUrl) {
                UrlUserPart.credentialOf(uri).ifPresent(user -> file.error(pointer, user.refusal("the git URL",
                        "every reader of the repository sees and the build copies into the registry.json it publishes"),
                        user.gitFix()));
            }
            // clients are set up with this URL, and the build refuses as --base-url what this refuses
            List<String> problems = isBaseUrl ? BaseUrl.problems(uri, BASE_URL) : List.of();
            problems.forEach(problem -> file.error(pointer, problem, BASE_URL_FIX));
            if (isBaseUrl && !text.endsWith("/")) {
                // the URL to write with a '/' added would still be refused, or would end with its query
                if (problems.isEmpty()) {
                    file.error(pointer, "the base URL must end with '/'", "write '"
                            + userPart.map(UrlUserPart::withoutUser).orElse(text) + "/' so paths resolve below it");
                }
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException invalid) {
            if (isBaseUrl) {
                file.error(pointer, BaseUrl.unparsable(BASE_URL, text, invalid), BASE_URL_FIX);
            } else {
                file.error(pointer, "'" + Urls.shown(text) + "' is not a valid URL: "
                        + MalformedUrls.reasonWithSpaceAdvice(text, invalid), URL_FIX);
            }
            return Optional.empty();
        }
    }

    /** That the URL, written as {@code text}, is not absolute with a host, or a folder's, when it is not. */
    private static Optional<String> notAbsolute(URI uri, String text) {
        return BaseUrl.locates(uri) ? Optional.empty()
                : Optional.of("'" + Urls.shown(text) + "' is not an absolute URL");
    }

    private static Policy policy(JsonFile file) {
        if (file.optional("/policy", JsonNodeType.OBJECT, "an object").isEmpty()) {
            return Policy.DEFAULT;
        }
        file.unknownFields("/policy", ArchiveLimits.Bound.FILES.field(), ArchiveLimits.Bound.FILE_BYTES.field(),
                ArchiveLimits.Bound.UNPACKED_BYTES.field(), RepositoryPaths.MAX_LENGTH_FIELD, "reservedNames",
                EXTERNAL_SCOPES);
        // a policy can only lower the limits: clients refuse to unpack a package beyond the defaults
        long maxFiles = limit(file, ArchiveLimits.Bound.FILES);
        long maxFileBytes = limit(file, ArchiveLimits.Bound.FILE_BYTES);
        long maxUnpackedBytes = limit(file, ArchiveLimits.Bound.UNPACKED_BYTES);
        ArchiveLimits limits = new ArchiveLimits((int) maxFiles, maxFileBytes, maxUnpackedBytes);
        return new Policy(limits, maxPathLength(file), reservedNames(file), externalScopes(file));
    }

    /**
     * The longest path a pull request may add, the default when absent or invalid (after reporting it). Unlike the
     * archive limits, it may be raised: it guards the clones of the registry's own repository, which its maintainers
     * know (every one on Linux and macOS, or Windows with core.longpaths), and no client reads it.
     */
    private static int maxPathLength(JsonFile file) {
        String pointer = "/policy/" + RepositoryPaths.MAX_LENGTH_FIELD;
        int fallback = RepositoryPaths.DEFAULT_MAX_LENGTH;
        Optional<JsonNode> node = file.optional(pointer, JsonNodeType.NUMBER, "a positive whole number");
        if (node.isEmpty()) {
            return fallback;
        }
        JsonNode value = node.get();
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 1
                || value.asInt() > RepositoryPaths.MAX_LENGTH_CEILING) {
            file.error(pointer, "must be a whole number from 1 to " + RepositoryPaths.MAX_LENGTH_CEILING + ", not "
                    + value, "leave it out to use the default, " + fallback + " characters, which leaves room for the"
                    + " folder a Windows user clones into");
            return fallback;
        }
        return value.asInt();
    }

    /**
     * The external scopes, each kept as written. An entry that names no scope is a warning, as a reserved name that
     * reserves nothing is, so that the build is never refused for it, and matches no package, so that a dependency on
     * the scope meant is refused as before, with a hint naming this field: one without its '@', a package name (clients
     * route whole scopes to a registry, never one package), and one that breaks the scope rules.
     */
    private static SortedSet<String> externalScopes(JsonFile file) {
        return listOfNames(file, "/policy/" + EXTERNAL_SCOPES, RegistryConfig::namesNoScope,
                RegistryConfig::scopeInstead);
    }

    /**
     * The strings of a list of names, each kept as written, with a warning at each one that {@code uselessWhy} says
     * does nothing, and the hint {@code instead} gives for it. One that is not plain text is refused already, in words
     * of its own.
     */
    private static SortedSet<String> listOfNames(JsonFile file, String pointer,
                                                 Function<String, Optional<String>> uselessWhy,
                                                 UnaryOperator<String> instead) {
        SortedSet<String> names = new TreeSet<>();
        file.indexedStrings(pointer).forEach((index, name) -> {
            names.add(name);
            String at = pointer + "/" + index;
            if (PlainText.value(name, at, (where, message, hint) -> { })) {
                uselessWhy.apply(name).ifPresent(why -> file.warning(at, why, instead.apply(name)));
            }
        });
        return names;
    }

    /** Why an entry of the external scopes names no scope, if it does not. */
    private static Optional<String> namesNoScope(String scope) {
        String ignored = ", so it makes nothing external";
        if (scope.isBlank()) {
            return Optional.of("the external scope is empty" + ignored);
        }
        if (!scope.startsWith("@")) {
            return Optional.of("'" + scope + "' is not a scope (a scope starts with '@')" + ignored + ": only a scope"
                    + " can be, as clients route scopes to another registry and send an unscoped package to their"
                    + " default one");
        }
        if (scope.contains("/") && PackageName.check(scope).isEmpty()) {
            return Optional.of("'" + scope + "' is a package name, not a scope" + ignored + ": clients route a whole"
                    + " scope to another registry, never one of its packages");
        }
        List<String> problems = scope.contains("/") ? List.of("a scope holds no '/'")
                : PackageName.check(scope + "/x");
        return problems.isEmpty() ? Optional.empty() : Optional.of("'" + scope + "' is not a valid scope" + ignored
                + ": " + String.join("; ", problems));
    }

    /** The scope an entry that names none may have meant, in lower case, if there is one. */
    private static String scopeInstead(String scope) {
        String lower = scope.strip().toLowerCase(Locale.ROOT);
        String withAt = lower.startsWith("@") ? lower : "@" + lower;
        String meant = withAt.contains("/") ? withAt.substring(0, withAt.indexOf('/')) : withAt;
        return (PackageName.check(meant + "/x").isEmpty() ? "write " + meant + " for the scope"
                : "write the scope as @name, in lower case") + ", or remove the entry";
    }

    /**
     * The reserved names, each kept as written. An entry that reserves nothing is a warning rather than an error, as a
     * limit above the default is, so that a registry.json written before this rule still builds: one that is no
     * package name, and one written as a scope or a scoped name, since the check compares reserved names only with new
     * unscoped packages: a scope's packages are its owners' alone, and only maintainers add a scope to scopes.json, so
     * none needs reserving.
     */
    private static SortedSet<String> reservedNames(JsonFile file) {
        return listOfNames(file, "/policy/reservedNames", RegistryConfig::reservesNothing,
                RegistryConfig::reserveInstead);
    }

    /** Why an entry of the reserved names reserves nothing, if it does not. */
    private static Optional<String> reservesNothing(String name) {
        if (name.isBlank()) {
            return Optional.of("the reserved name is empty, so it reserves nothing");
        }
        if (name.startsWith("@") && !name.contains("/")) {
            return Optional.of("'" + name + "' is written as a scope, which reserves nothing: only maintainers add"
                    + " scopes to scopes.json, so no scope needs reserving, and reserved names are unscoped package"
                    + " names");
        }
        List<String> problems = PackageName.check(name);
        if (!problems.isEmpty()) {
            return Optional.of("'" + name + "' is not a package name, so it reserves nothing: "
                    + String.join("; ", problems));
        }
        PackageName parsed = PackageName.parse(name);
        return parsed.isScoped() ? Optional.of("'" + name + "' is a scoped name, which reserves nothing: only the"
                + " owners of " + parsed.scopeWithAt() + " publish in it, and reserved names are unscoped package"
                + " names") : Optional.empty();
    }

    /** The unscoped name an entry that reserves nothing may have meant, in lower case, if there is one. */
    private static String reserveInstead(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String meant = lower.startsWith("@") && !lower.contains("/") ? lower.substring(1)
                : lower.substring(lower.indexOf('/') + 1);
        return (PackageName.check(meant).isEmpty() ? "write " + meant + " to reserve the unscoped name"
                : "write the unscoped package name it is to reserve") + ", or remove the entry";
    }

    /**
     * A positive whole number, the default when absent or invalid (after reporting it), and when above the
     * default: a policy can lower a limit, not raise it, since clients refuse to unpack a package beyond the
     * defaults. A raised one is a warning, not an error, so that a registry.json written before that rule
     * still builds, however large it is: 99999999999999999999 or 1e400 raises it as 5000 does.
     */
    private static long limit(JsonFile file, ArchiveLimits.Bound bound) {
        String pointer = "/policy/" + bound.field();
        long fallback = bound.of(ArchiveLimits.DEFAULT);
        Optional<JsonNode> node = file.optional(pointer, JsonNodeType.NUMBER, "a positive whole number");
        if (node.isEmpty()) {
            return fallback;
        }
        JsonNode value = node.get();
        // a number too large for a double (1e400) reads as infinity, and is still a whole number above the default
        boolean infinite = Double.isInfinite(value.doubleValue());
        boolean whole = infinite || value.canConvertToExactIntegral();
        if (!whole || value.doubleValue() < 1) {
            file.error(pointer, "must be a whole number from 1 to " + fallback + ", not " + value,
                    "leave it out to use the default, " + fallback);
            return fallback;
        }
        if (!value.canConvertToLong() || value.asLong() > fallback) {
            file.warning(pointer, (infinite ? "a number this large" : value.toString()) + " is above the default, "
                            + fallback + ", which applies instead",
                    "a policy can lower a limit, not raise it: clients refuse to install a package beyond the"
                            + " default; write a number from 1 to " + fallback + ", or leave it out");
            return fallback;
        }
        return node.get().asLong();
    }
}
