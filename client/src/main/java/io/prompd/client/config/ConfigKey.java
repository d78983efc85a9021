package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.config.ConfigFields;
import io.prompd.core.protocol.Urls;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One setting of the configuration as {@code prompd config} names it: {@code registry} (the
 * default), {@code registries.NAME}, {@code scopes.@SCOPE}, {@code credentials.URL}, {@code http.timeout} or
 * {@code http.retries}. Values are shown as typed, except credentials, shown by their kind and where the secret is
 * kept, never the secret, and limits, shown as the number they are.
 */
public sealed interface ConfigKey {

    String FORMS = ConfigFields.DEFAULT_REGISTRY + ", " + ConfigFields.REGISTRIES + ".NAME, "
            + ConfigFields.SCOPES + ".@SCOPE, " + ConfigFields.CREDENTIALS + ".URL, "
            + HttpLimits.Limit.TIMEOUT.key() + " or " + HttpLimits.Limit.RETRIES.key();

    /**
     * The keys of one setting each, named without an entry's name: {@code registry}, {@code http.timeout} and
     * {@code http.retries}, which {@link #parse} takes and the shell completion offers whether set or not.
     */
    List<ConfigKey> SINGLE = Stream.<ConfigKey>concat(Stream.of(new DefaultRegistry()),
            Arrays.stream(HttpLimits.Limit.values()).map(HttpLimit::new)).toList();

    /**
     * @param commands how the hint spells the command that lists the keys
     * @throws PrompdException (usage) for a key of no known form
     */
    static ConfigKey parse(String key, SuggestedCommands commands) {
        for (ConfigKey single : SINGLE) {
            if (key.equals(single.toString())) {
                return single;
            }
        }
        int dot = key.indexOf('.');
        String field = dot < 0 ? key : key.substring(0, dot);
        String rest = dot < 0 ? "" : key.substring(dot + 1);
        String entryForm = switch (field) {
            case ConfigFields.REGISTRIES -> ConfigFields.REGISTRIES + ".NAME";
            case ConfigFields.SCOPES -> ConfigFields.SCOPES + ".@SCOPE";
            case ConfigFields.CREDENTIALS -> ConfigFields.CREDENTIALS + ".URL";
            default -> "";
        };
        // Else the empty entry name would be parsed, and refused with a rule about names the user never typed.
        if (rest.isEmpty() && !entryForm.isEmpty()) {
            throw new PrompdException(ExitCode.USAGE, "'" + key + "' holds one entry per key: give " + entryForm,
                    commands.quoted("config list") + " shows every key set");
        }
        return switch (field) {
            case ConfigFields.REGISTRIES -> new NamedRegistry(parsed(key, rest, RegistryName::parse));
            case ConfigFields.SCOPES -> new ScopeRoute(parsed(key, rest, Scope::parse));
            case ConfigFields.CREDENTIALS -> new CredentialsOf(parsed(key, rest, RegistryUrl::parse));
            default -> throw new PrompdException(ExitCode.USAGE, "unknown configuration key "
                    + TerminalText.quoted(Urls.shown(key)), "the keys are " + FORMS
                    + "; " + commands.quoted("config list") + " shows those set");
        };
    }

    private static <T> T parsed(String key, String part, Function<String, T> parser) {
        try {
            return parser.apply(part);
        } catch (IllegalArgumentException invalid) {
            // a credentials key is a URL, which may hold the password the problem is about
            throw new PrompdException(ExitCode.USAGE, "invalid configuration key "
                    + TerminalText.quoted(Urls.shown(key)) + ": " + invalid.getMessage(),
                    "the keys are " + FORMS);
        }
    }

    private static <T> T parsedValue(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException invalid) {
            throw new PrompdException(ExitCode.USAGE, invalid.getMessage(),
                    "give a URL such as https://registry.example.com/ or file:///path/to/registry");
        }
    }

    /**
     * Every key set in the configuration with its value, sorted by key: the one list of what is set, which each view
     * (the text, {@code config list --json}) renders its way.
     */
    static SortedMap<String, Value> values(Config config) {
        SortedMap<String, Value> values = new TreeMap<>();
        config.defaultRegistry().ifPresent(ref -> values.put(new DefaultRegistry().toString(),
                new Value.Setting(ref.toString())));
        config.registries().forEach((name, url) -> values.put(new NamedRegistry(name).toString(),
                new Value.Setting(url.toString())));
        config.scopes().forEach((scope, ref) -> values.put(new ScopeRoute(scope).toString(),
                new Value.Setting(ref.toString())));
        config.credentials().forEach((url, credentials) -> values.put(new CredentialsOf(url).toString(),
                new Value.OfCredentials(credentials.shown())));
        for (HttpLimits.Limit limit : HttpLimits.Limit.values()) {
            limit.of(config.http()).ifPresent(value -> values.put(limit.key(), new Value.Amount(value)));
        }
        return values;
    }

    /** Every key set in the configuration with the words shown for its value, sorted by key. */
    static SortedMap<String, String> entries(Config config) {
        SortedMap<String, String> entries = new TreeMap<>();
        values(config).forEach((key, value) -> entries.put(key, value.describe()));
        return entries;
    }

    /** The value of a key set: a setting as typed, or credentials, of which no secret can be shown. */
    sealed interface Value {

        /** The words the text shows for it. */
        String describe();

        /** A registry's URL or name, as typed. */
        record Setting(String text) implements Value {
            public Setting {
                Objects.requireNonNull(text, "text");
            }

            @Override
            public String describe() {
                return text;
            }
        }

        /** A limit, which {@code --json} gives as the number it is, as {@code config.json} holds it. */
        record Amount(int number) implements Value {
            @Override
            public String describe() {
                return Integer.toString(number);
            }
        }

        /** Credentials, by their kind and where the secret is kept. */
        record OfCredentials(Credentials.Shown credentials) implements Value {
            public OfCredentials {
                Objects.requireNonNull(credentials, "credentials");
            }

            @Override
            public String describe() {
                return credentials.describe();
            }
        }
    }

    /** The value shown for the key, empty when it is not set. */
    Optional<String> get(Config config);

    /**
     * @param commands how the hint spells the command that would take the value
     * @throws PrompdException for a value the key cannot take (usage) or a registry name not configured (not found)
     */
    Config set(Config config, String value, SuggestedCommands commands);

    /** The configuration without this key, and without what only made sense with it. */
    Config unset(Config config);

    private static RegistryRef registryRef(Config config, String value, SuggestedCommands commands) {
        RegistryRef ref = parsedValue(value, RegistryRef::parse);
        if (config.urlOf(ref).isEmpty()) {
            throw new UnknownRegistry(value, "unknown registry '" + value + "'",
                    "add it first with " + commands.quoted("registry add " + ShellWords.quote(value) + " URL")
                            + ", or give a URL");
        }
        return ref;
    }

    /** The default registry: a configured name or a URL. */
    record DefaultRegistry() implements ConfigKey {
        @Override
        public Optional<String> get(Config config) {
            return config.defaultRegistry().map(Object::toString);
        }

        @Override
        public Config set(Config config, String value, SuggestedCommands commands) {
            return config.withDefaultRegistry(Optional.of(registryRef(config, value, commands)));
        }

        @Override
        public Config unset(Config config) {
            return config.withDefaultRegistry(Optional.empty());
        }

        @Override
        public String toString() {
            return ConfigFields.DEFAULT_REGISTRY;
        }
    }

    record NamedRegistry(RegistryName name) implements ConfigKey {
        @Override
        public Optional<String> get(Config config) {
            return Optional.ofNullable(config.registries().get(name)).map(Object::toString);
        }

        @Override
        public Config set(Config config, String value, SuggestedCommands commands) {
            return config.withRegistry(name, parsedValue(value, RegistryUrl::parse));
        }

        @Override
        public Config unset(Config config) {
            return config.withoutRegistry(name);
        }

        @Override
        public String toString() {
            return ConfigFields.REGISTRIES + "." + name;
        }
    }

    record ScopeRoute(Scope scope) implements ConfigKey {
        @Override
        public Optional<String> get(Config config) {
            return Optional.ofNullable(config.scopes().get(scope)).map(Object::toString);
        }

        @Override
        public Config set(Config config, String value, SuggestedCommands commands) {
            return config.withScope(scope, registryRef(config, value, commands));
        }

        @Override
        public Config unset(Config config) {
            return config.withoutScope(scope);
        }

        @Override
        public String toString() {
            return ConfigFields.SCOPES + "." + scope;
        }
    }

    /** A limit of every request to a registry: {@code http.timeout} or {@code http.retries}. */
    record HttpLimit(HttpLimits.Limit limit) implements ConfigKey {

        public HttpLimit {
            Objects.requireNonNull(limit, "limit");
        }

        @Override
        public Optional<String> get(Config config) {
            return limit.of(config.http()).stream().mapToObj(Integer::toString).findFirst();
        }

        @Override
        public Config set(Config config, String value, SuggestedCommands commands) {
            int parsed;
            try {
                parsed = limit.parse(value);
            } catch (IllegalArgumentException invalid) {
                throw new PrompdException(ExitCode.USAGE, "invalid value for " + limit.key() + ": "
                        + invalid.getMessage(), "give digits alone, as in " + commands.quoted("config set "
                        + limit.key() + " " + limit.example()) + "; " + commands.quoted("config unset " + limit.key())
                        + " goes back to the default");
            }
            return config.withHttp(limit.in(config.http(), OptionalInt.of(parsed)));
        }

        @Override
        public Config unset(Config config) {
            return config.withHttp(limit.in(config.http(), OptionalInt.empty()));
        }

        @Override
        public String toString() {
            return limit.key();
        }
    }

    /** Shown but never set here: a secret typed on a command line stays in the shell's history. */
    record CredentialsOf(RegistryUrl url) implements ConfigKey {

        private static final Pattern CREDENTIALS_FIELD = Pattern.compile("(.*/)\\.(?:" + String.join("|",
                ConfigFields.TOKEN, ConfigFields.USERNAME, ConfigFields.PASSWORD, ConfigFields.TOKEN_ENV) + ")/");

        @Override
        public Optional<String> get(Config config) {
            return config.credentialsFor(url).map(Credentials::describe);
        }

        @Override
        public Config set(Config config, String value, SuggestedCommands commands) {
            if (url.isFolder()) {
                // login would refuse it too: a folder takes none
                throw RegistryService.noCredentialsForFolder(url.toString());
            }
            throw new PrompdException(ExitCode.USAGE, "credentials are not set with 'prompd config set'",
                    "run " + commands.quoted("login --registry " + Registry.loginArgument(Optional.empty(),
                            withoutField(url))) + ", which reads the secret from standard input");
        }

        /**
         * The registry's URL without a field of its credentials after it ({@code credentials.URL.token}, as npm's
         * {@code //host/:_authToken}), which the key reads as the last segment of the URL's path.
         */
        private static RegistryUrl withoutField(RegistryUrl url) {
            Matcher field = CREDENTIALS_FIELD.matcher(url.toString());
            return field.matches() ? RegistryUrl.parse(field.group(1)) : url;
        }

        @Override
        public Config unset(Config config) {
            return config.withoutCredentials(url);
        }

        @Override
        public String toString() {
            return ConfigFields.CREDENTIALS + "." + url;
        }
    }
}
