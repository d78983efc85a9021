package io.prompd.client.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.config.ConfigFields;
import io.prompd.core.json.Json;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.json.PlainText;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.protocol.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code config.json} to {@link Config} and back. Reading reports every problem of the file at
 * once, each at its field; messages never quote a value that could be a secret.
 */
final class ConfigJson {

    /** What a field this prompd does not know may come from, and the fix then: the file is good as it was written. */
    private static final String NEWER = "if a newer prompd wrote it, update prompd rather than change the file; else ";

    /** In alphabetical order, as a hint lists them. */
    private static final List<String> FIELDS = List.of(ConfigFields.CREDENTIALS, ConfigFields.HTTP,
            ConfigFields.REGISTRIES, ConfigFields.DEFAULT_REGISTRY, ConfigFields.SCOPES);

    private final Path file;
    private final SuggestedCommands commands;
    private final Problems problems = new Problems();
    /** Whether the file holds a field or credentials of a kind this prompd does not know, as a newer one may write. */
    private boolean unknownKinds;
    /** The credential entries that could not be read, by pointer, and how many problems they have in all. */
    private final Map<String, JsonNode> unusableCredentials = new HashMap<>();
    private int unusableCredentialsProblems;

    private ConfigJson(Path file, SuggestedCommands commands) {
        this.file = file;
        this.commands = commands;
    }

    /**
     * @param commands how the hints spell the prompd commands that mend the file
     * @throws ConfigException with every problem of the file
     */
    static Config read(Path file, byte[] json, SuggestedCommands commands) {
        return new ConfigJson(file, commands).readDocument(json);
    }

    static byte[] write(Config config) {
        return write(config, config.defaultRegistry(), config.scopes(), Map.of());
    }

    /** The configuration with the default and scope routes given, which may name registries it does not configure. */
    static byte[] write(Config config, Optional<RegistryRef> defaultRegistry, SortedMap<Scope, RegistryRef> scopes) {
        return write(config, defaultRegistry, scopes, Map.of());
    }

    /** The configuration with credential entries it cannot hold, written as a file held them ({@link UnusableCredentials}). */
    static byte[] write(Config config, Map<RegistryUrl, JsonNode> unusableCredentials) {
        return write(config, config.defaultRegistry(), config.scopes(), unusableCredentials);
    }

    private static byte[] write(Config config, Optional<RegistryRef> defaultRegistry,
                                SortedMap<Scope, RegistryRef> scopes, Map<RegistryUrl, JsonNode> unusableCredentials) {
        SortedMap<String, Object> document = new TreeMap<>();
        defaultRegistry.ifPresent(ref -> document.put(ConfigFields.DEFAULT_REGISTRY, ref.toString()));
        putIfAny(document, ConfigFields.REGISTRIES, config.registries(), Object::toString);
        putIfAny(document, ConfigFields.SCOPES, scopes, Object::toString);
        SortedMap<RegistryUrl, Object> credentials = new TreeMap<>(unusableCredentials);
        config.credentials().forEach((url, stored) -> credentials.put(url, credentialsFields(stored)));
        putIfAny(document, ConfigFields.CREDENTIALS, credentials, Function.identity());
        SortedMap<String, Integer> limits = new TreeMap<>();
        for (HttpLimits.Limit limit : HttpLimits.Limit.values()) {
            limit.of(config.http()).ifPresent(value -> limits.put(limit.field(), value));
        }
        putIfAny(document, ConfigFields.HTTP, limits, value -> value);
        return Json.write(document);
    }

    private static <K, V> void putIfAny(Map<String, Object> document, String field, Map<K, V> entries,
                                        Function<V, Object> value) {
        if (!entries.isEmpty()) {
            SortedMap<String, Object> written = new TreeMap<>();
            entries.forEach((key, entry) -> written.put(key.toString(), value.apply(entry)));
            document.put(field, written);
        }
    }

    private static Map<String, String> credentialsFields(Credentials credentials) {
        if (credentials instanceof Credentials.Token token) {
            return Map.of(ConfigFields.TOKEN, token.token());
        }
        if (credentials instanceof Credentials.Basic basic) {
            return Map.of(ConfigFields.USERNAME, basic.username(), ConfigFields.PASSWORD, basic.password());
        }
        Credentials.FromEnvironment fromEnvironment = (Credentials.FromEnvironment) credentials;
        return fromEnvironment.username().map(username -> Map.of(ConfigFields.USERNAME, username,
                        ConfigFields.PASSWORD_ENV, fromEnvironment.variable()))
                .orElseGet(() -> Map.of(ConfigFields.TOKEN_ENV, fromEnvironment.variable()));
    }

    private Config readDocument(byte[] json) {
        JsonNode root;
        try {
            root = JsonTrees.read(json);
        } catch (JsonProcessingException malformed) {
            // Without the parser's reason: it quotes the text around the error, and that may be a secret.
            throw new ConfigException(file, List.of(JsonSyntaxError.problemWithoutReason(file.toString(), json,
                    malformed, "fix the JSON syntax; an editor with JSON support shows the spot")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse bytes held in memory", e);
        }
        if (root.isMissingNode()) {
            return Config.EMPTY;
        }
        if (!root.isObject()) {
            problems.error(file.toString(), "", "the configuration must be a JSON object", "");
            throw new ConfigException(file, problems.sorted());
        }
        PlainText.wholeCharacters(root, "", (at, message, hint) -> problems.error(file.toString(), at, message, hint));
        root.fieldNames().forEachRemaining(field -> requireKnown(FIELDS, field, Pointer.of(field)));
        Optional<RegistryRef> defaultRegistry = Optional.ofNullable(root.get(ConfigFields.DEFAULT_REGISTRY))
                .flatMap(node -> reference(node, Pointer.of(ConfigFields.DEFAULT_REGISTRY)));
        SortedMap<RegistryName, RegistryUrl> registries = members(root, ConfigFields.REGISTRIES, RegistryName::parse,
                (node, at) -> text(node, at, "the registry's URL")
                        .flatMap(text -> parsed(RegistryUrl::parse, text, at)));
        SortedMap<Scope, RegistryRef> scopes = members(root, ConfigFields.SCOPES, Scope::parse, this::reference);
        SortedMap<RegistryUrl, Credentials> credentials = members(root, ConfigFields.CREDENTIALS, RegistryUrl::parse,
                this::credentials);
        HttpLimits http = httpLimits(root);
        // a change may make good the names of registries not configured, in a file good but for them
        boolean repairable = !problems.hasErrors();
        // the commands mend only a file good but for such names: with other problems, an editor is the way
        unknownNames(root, defaultRegistry, scopes)
                .forEach((at, unknown) -> problems.error(file.toString(), at, unknown.message(), repairable
                        ? "add it with " + commands.quoted("registry add " + unknown.name() + " URL")
                                + ", name a configured registry with " + commands.quoted("config set " + unknown.key()
                                + " NAME") + ", or drop the reference with " + commands.quoted("config unset "
                                + unknown.key())
                        : "name a configured registry there, or drop the reference, with the file's other problems"));
        if (problems.hasErrors()) {
            Optional<UnknownRegistryNames> unknownNames = repairable
                    ? Optional.of(UnknownRegistryNames.of(defaultRegistry, registries, scopes, credentials, http))
                    : Optional.empty();
            Optional<UnusableCredentials> unusable = problems.size() == unusableCredentialsProblems
                    ? Optional.of(new UnusableCredentials(new Config(defaultRegistry, registries, scopes, credentials,
                            http), unusableCredentials(root)))
                    : Optional.empty();
            throw new ConfigException(file, shown(problems.sorted(), json), unknownNames, unusable, unknownKinds);
        }
        return new Config(defaultRegistry, registries, scopes, credentials, http);
    }

    /**
     * The limits {@code http} holds, each a number in its range; one that is not is left out, reported at its field, as
     * is a field this prompd does not know.
     */
    private HttpLimits httpLimits(JsonNode root) {
        JsonNode http = root.get(ConfigFields.HTTP);
        if (http == null) {
            return HttpLimits.NONE;
        }
        if (!http.isObject()) {
            problems.error(file.toString(), Pointer.of(ConfigFields.HTTP), "'" + ConfigFields.HTTP + "' must be a JSON"
                    + " object, not " + JsonTrees.kind(http).orElseThrow(), "write {\"" + ConfigFields.TIMEOUT
                    + "\": SECONDS, \"" + ConfigFields.RETRIES + "\": COUNT}, either field left out for its default");
            return HttpLimits.NONE;
        }
        List<String> fields = Stream.of(HttpLimits.Limit.values()).map(HttpLimits.Limit::field).sorted().toList();
        http.fieldNames().forEachRemaining(field -> requireKnown(fields, field, Pointer.of(ConfigFields.HTTP, field)));
        HttpLimits limits = HttpLimits.NONE;
        for (HttpLimits.Limit limit : HttpLimits.Limit.values()) {
            JsonNode value = http.get(limit.field());
            if (value != null) {
                limits = limit.in(limits, limitValue(value, limit, Pointer.of(ConfigFields.HTTP, limit.field())));
            }
        }
        return limits;
    }

    /**
     * Reports a field not among {@code fields} (in alphabetical order, as the hint lists them), as a newer prompd's may
     * be.
     */
    private void requireKnown(List<String> fields, String field, String at) {
        if (!fields.contains(field)) {
            unknownKinds = true;
            problems.error(file.toString(), at, "unknown field '" + Urls.shown(field) + "'", NEWER
                    + "remove it: the fields are " + String.join(", ", fields));
        }
    }

    /** The limit's value, or empty after reporting why it cannot be used. */
    private OptionalInt limitValue(JsonNode node, HttpLimits.Limit limit, String at) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || !limit.allows(node.intValue())) {
            problems.error(file.toString(), at, "must be " + limit.takes() + ", not "
                    + (node.isNumber() ? node.asText() : JsonTrees.kind(node).orElseThrow()),
                    "write one there, without quotes, or drop the field for the default");
            return OptionalInt.empty();
        }
        return OptionalInt.of(node.intValue());
    }

    /** The credential entries that could not be read, by the URL they are for, which was read: it is their key. */
    private SortedMap<RegistryUrl, JsonNode> unusableCredentials(JsonNode root) {
        SortedMap<RegistryUrl, JsonNode> entries = new TreeMap<>();
        root.path(ConfigFields.CREDENTIALS).properties().forEach(member -> {
            JsonNode entry = unusableCredentials.get(Pointer.of(ConfigFields.CREDENTIALS, member.getKey()));
            if (entry != null) {
                entries.put(RegistryUrl.parse(member.getKey()), entry);
            }
        });
        return entries;
    }

    /**
     * The problems at the lines of their fields, their pointers with the user and password of any URL in them masked:
     * a URL given as a key is a pointer's segment, and the message of its problem may be why it cannot be used.
     */
    private static List<Problem> shown(List<Problem> problems, byte[] json) {
        FieldLines lines = FieldLines.ofJson(json);
        return problems.stream().map(lines::locate).map(problem -> new Problem(problem.severity(), problem.file(),
                masked(problem.pointer()), problem.line(), problem.message(), problem.hint())).toList();
    }

    private static String masked(String pointer) {
        if (pointer.isEmpty()) {
            return pointer;
        }
        String[] segments = pointer.substring(1).split("/", -1);
        return Pointer.of(Stream.of(segments).map(Pointer::readable).map(Urls::shown)
                .toArray(String[]::new));
    }

    /**
     * The references to registries the file does not configure, by pointer; none when its registries are no object,
     * whose error says what to fix: every reference would be reported again, as if the names were wrong.
     */
    private static Map<String, Config.UnknownName> unknownNames(JsonNode root,
            Optional<RegistryRef> defaultRegistry, SortedMap<Scope, RegistryRef> scopes) {
        JsonNode registries = root.path(ConfigFields.REGISTRIES);
        return registries.isObject() || registries.isMissingNode()
                ? Config.unknownNames(defaultRegistry, registryNames(root), scopes) : Map.of();
    }

    /**
     * The names the file gives registries, those whose URL cannot be used included: a reference to one names a
     * registry that is configured, and the error at its URL says what to fix.
     */
    private static Set<RegistryName> registryNames(JsonNode root) {
        Set<RegistryName> names = new TreeSet<>();
        root.path(ConfigFields.REGISTRIES).fieldNames().forEachRemaining(name -> {
            try {
                names.add(RegistryName.parse(name));
            } catch (IllegalArgumentException invalid) {
                // reported at the name by members(), and no reference can be parsed as it either
            }
        });
        return names;
    }

    /**
     * The members of an object field, keys and values parsed. Two keys may be spelled differently
     * yet parse to one (two spellings of a URL): that is an error, as a duplicate key is.
     */
    private <K extends Comparable<K>, V> SortedMap<K, V> members(JsonNode root, String field,
                                                                Function<String, K> keyParser,
                                                                BiFunction<JsonNode, String, Optional<V>> valueReader) {
        SortedMap<K, V> members = new TreeMap<>();
        JsonNode object = root.get(field);
        if (object == null) {
            return members;
        }
        if (!object.isObject()) {
            problems.error(file.toString(), Pointer.of(field), "'" + field + "' must be a JSON object, not "
                    + JsonTrees.kind(object).orElseThrow(), "");
            return members;
        }
        object.properties().forEach(member -> {
            String at = Pointer.of(field, member.getKey());
            parsed(keyParser, member.getKey(), at).ifPresent(key -> valueReader.apply(member.getValue(), at)
                    .ifPresent(value -> {
                        if (members.putIfAbsent(key, value) != null) {
                            problems.error(file.toString(), at, "'" + key + "' is given twice, spelled differently",
                                    "keep one of the two");
                        }
                    }));
        });
        return members;
    }

    private Optional<RegistryRef> reference(JsonNode node, String at) {
        return text(node, at, "the name of a configured registry, or a registry's URL")
                .flatMap(text -> parsed(RegistryRef::parse, text, at));
    }

    /**
     * The credentials of an entry, or empty after reporting its problems: the entry is then one that logging in again
     * replaces ({@link UnusableCredentials}).
     */
    private Optional<Credentials> credentials(JsonNode node, String at) {
        int before = problems.size();
        Optional<Credentials> read = readCredentials(node, at);
        int found = problems.size() - before;
        if (found > 0) {
            unusableCredentials.put(at, node);
            unusableCredentialsProblems += found;
        }
        return read;
    }

    private Optional<Credentials> readCredentials(JsonNode node, String at) {
        if (!node.isObject()) {
            problems.error(file.toString(), at, "credentials must be a JSON object", credentialsHint());
            return Optional.empty();
        }
        Set<String> fields = new TreeSet<>();
        node.fieldNames().forEachRemaining(fields::add);
        Optional<Function<JsonNode, Credentials>> kind = kindOf(fields);
        if (kind.isEmpty()) {
            unknownKinds = true;
            problems.error(file.toString(), at, "credentials hold the fields " + fields
                    + ", which are none of the four kinds", NEWER + credentialsHint());
            return Optional.empty();
        }
        for (String field : fields) {
            if (!node.get(field).isTextual()) {
                problems.error(file.toString(), at + "/" + field, "'" + field + "' must be a string", "");
                return Optional.empty();
            }
        }
        return parsed(kind.get(), node, at);
    }

    private static Optional<Function<JsonNode, Credentials>> kindOf(Set<String> fields) {
        if (fields.equals(Set.of(ConfigFields.TOKEN))) {
            return Optional.of(node -> new Credentials.Token(node.get(ConfigFields.TOKEN).textValue()));
        }
        if (fields.equals(Set.of(ConfigFields.USERNAME, ConfigFields.PASSWORD))) {
            return Optional.of(node -> new Credentials.Basic(node.get(ConfigFields.USERNAME).textValue(),
                    node.get(ConfigFields.PASSWORD).textValue()));
        }
        if (fields.equals(Set.of(ConfigFields.TOKEN_ENV))) {
            return Optional.of(node -> new Credentials.FromEnvironment(node.get(ConfigFields.TOKEN_ENV).textValue()));
        }
        if (fields.equals(Set.of(ConfigFields.USERNAME, ConfigFields.PASSWORD_ENV))) {
            return Optional.of(node -> new Credentials.FromEnvironment(
                    Optional.of(node.get(ConfigFields.USERNAME).textValue()),
                    node.get(ConfigFields.PASSWORD_ENV).textValue()));
        }
        return Optional.empty();
    }

    private String credentialsHint() {
        return "write {\"" + ConfigFields.TOKEN + "\": \"...\"}, {\"" + ConfigFields.USERNAME + "\": \"...\", \""
                + ConfigFields.PASSWORD + "\": \"...\"}, {\"" + ConfigFields.TOKEN_ENV + "\": \"VARIABLE\"} or {\""
                + ConfigFields.USERNAME + "\": \"...\", \"" + ConfigFields.PASSWORD_ENV + "\": \"VARIABLE\"},"
                + " or log in again with " + commands.quoted("login --registry URL") + ", which replaces this entry, or"
                + " drop it with " + commands.quoted("logout --registry URL") + ", URL being this entry's";
    }

    /** @param meaning what the string names, for the hint */
    private Optional<String> text(JsonNode node, String at, String meaning) {
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        problems.error(file.toString(), at, "must be a string, not " + JsonTrees.kind(node).orElseThrow(),
                "write " + meaning + " there, in double quotes");
        return Optional.empty();
    }

    /** The value parsed, or empty after reporting the parser's message, which never holds a secret. */
    private <S, T> Optional<T> parsed(Function<S, T> parser, S input, String at) {
        try {
            return Optional.of(parser.apply(input));
        } catch (IllegalArgumentException invalid) {
            problems.error(file.toString(), at, invalid.getMessage(), "");
            return Optional.empty();
        }
    }
}
