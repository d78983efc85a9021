package io.prompd.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one JSON dialect of every file prompd writes: keys sorted, two-space indent,
 * {@code "key": value}, {@code \n} line ends on every platform, a final newline, no nulls. Same
 * data, same bytes.
 */
public final class Json {

    private static final ObjectMapper MAPPER = dialect(JsonMapper.builder()).build();

    /**
     * npm's layout, so lock files and documents read like the manifests beside them: two-space
     * indent, {@code "key": value}, {@code {}} and {@code []} when empty. Jackson copies it for each
     * write (it is {@code Instantiatable}), so sharing its nesting state is safe.
     */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private static final ObjectWriter WRITER = MAPPER.writer(PRINTER);

    private static final ObjectWriter SHOWN = WRITER.with(new TerminalEscapes());

    private static final ObjectReader READER = MAPPER.reader();

    /** {@link #SHOWN} for {@link #writeNested}, which writes documents of any depth without recursion. */
    private static final ObjectWriter NESTED = nestedWriter();

    /** The shape of the instants prompd writes, a digit standing for any digit. */
    private static final String WHOLE_SECONDS_IN_UTC = "0000-00-00T00:00:00Z";

    /** Most documents are a few KiB: the buffer grows once or not at all. */
    private static final int INITIAL_BYTES = 4096;

    private Json() {
    }

    /**
     * {@link #SHOWN} with no limit to a document's nesting, and with a mapper for the values {@link #writeNested} hands
     * it one by one that does not flush the output after each of them.
     */
    private static ObjectWriter nestedWriter() {
        JsonFactory factory = JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
                // the caller's writer, such as standard output, stays open
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        return dialect(JsonMapper.builder(factory)).disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).build()
                .writer(PRINTER).with(new TerminalEscapes());
    }

    /** The settings of the dialect, for each mapper that writes it. */
    private static JsonMapper.Builder dialect(JsonMapper.Builder builder) {
        return builder.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                // a record's components would otherwise come first, before properties of its methods
                .configure(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST, false)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // an emoji as its four bytes, as typed, where Jackson would write its two UTF-16 halves escaped
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .addModule(valueTypes());
    }

    /**
     * PackageName, Version and VersionRange travel as the strings people write; an Instant as
     * ISO-8601 in UTC ({@code 2026-01-01T00:00:00Z}); an Integrity as its SRI string.
     */
    private static SimpleModule valueTypes() {
        SimpleModule module = new SimpleModule("prompd-values");
        module.addSerializer(PackageName.class, ToStringSerializer.instance);
        module.addSerializer(Version.class, ToStringSerializer.instance);
        module.addSerializer(VersionRange.class, new RangeAsWritten());
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addSerializer(Integrity.class, ToStringSerializer.instance);
        module.addDeserializer(PackageName.class,
                new ParsingDeserializer<>(PackageName.class, "a package name", PackageName::parse));
        module.addDeserializer(Version.class, new ParsingDeserializer<>(Version.class, "a version", Version::parse));
        module.addDeserializer(VersionRange.class,
                new ParsingDeserializer<>(VersionRange.class, "a version range", VersionRange::parse));
        module.addDeserializer(Instant.class, new ParsingDeserializer<>(Instant.class, "a date", Json::instant));
        module.addDeserializer(Integrity.class,
                new ParsingDeserializer<>(Integrity.class, "an integrity", Integrity::parse));
        module.addKeyDeserializer(PackageName.class, new ParsingKeyDeserializer(PackageName.class, PackageName::parse));
        module.addKeyDeserializer(Version.class, new ParsingKeyDeserializer(Version.class, Version::parse));
        return module;
    }

    /**
     * Reads an ISO-8601 instant. Jackson reports an IllegalArgumentException as a bad value;
     * Instant.parse throws its own type.
     */
    static Instant instant(String text) {
        if (isWholeSecondsInUtc(text)) {
            try {
                return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13),
                        digits(text, 14, 16), digits(text, 17, 19)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException unusual) {
                // a leap second, or no such date: Instant.parse decides
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException invalid) {
            throw new IllegalArgumentException("not an ISO-8601 instant such as 2026-01-01T00:00:00Z: '" + text + "'",
                    invalid);
        }
    }

    /**
     * Whether the text has the one form prompd writes, {@code 2026-01-01T00:00:00Z}. Instant.parse
     * runs the general formatter for it, and a cold install reads several instants per packument:
     * read directly, they cost a small fraction.
     */
    private static boolean isWholeSecondsInUtc(String text) {
        if (text.length() != WHOLE_SECONDS_IN_UTC.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char expected = WHOLE_SECONDS_IN_UTC.charAt(i);
            char actual = text.charAt(i);
            if (expected == '0' ? actual < '0' || actual > '9' : actual != expected) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    /**
     * A reader of this dialect, for trees ({@code readTree}), streaming parsers and types named at
     * run time ({@code forType}). Immutable, unlike the mapper behind it, which no caller gets: one
     * that reconfigured it would change how every other reads and writes.
     */
    public static ObjectReader reader() {
        return READER;
    }

    /** The canonical bytes of a value: sorted, indented, ending with a newline. */
    public static byte[] write(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(INITIAL_BYTES);
        try {
            WRITER.writeValue(bytes, value);
        } catch (JsonProcessingException impossible) {
            throw cannotWrite(value, impossible);
        } catch (IOException impossible) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", impossible);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /**
     * A value as {@code --json} shows it, to a script or a terminal: {@link #write}'s layout, with the characters
     * a terminal would act on or that show a line in another order escaped too ({@link TerminalEscapes}), so that
     * the text others wrote reads back exactly and reaches a terminal as safely as {@link TerminalText} shows it.
     */
    public static String writeString(Object value) {
        try {
            return SHOWN.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw cannotWrite(value, impossible);
        }
    }

    /**
     * A value made of maps and collections, as {@link #writeString} shows it, to {@code out}, with no newline after
     * it: a container at a time, from a stack of its own, where writeString goes a call deeper for each level and
     * refuses a document more than 1,000 levels deep. For a tree as deep as what it shows, such as the dependency tree
     * of a chain of thousands of packages. A map's entries are written in the order of its keys and without those
     * whose value is null, as writeString writes them; any other value is written as writeString writes it.
     *
     * @throws IOException when {@code out} fails
     */
    public static void writeNested(Object value, Writer out) throws IOException {
        try (JsonGenerator generator = NESTED.createGenerator(out)) {
            Deque<Container> open = new ArrayDeque<>();
            start(generator, value, open);
            while (!open.isEmpty()) {
                Container container = open.peek();
                if (!container.rest().hasNext()) {
                    open.pop();
                    if (container.object()) {
                        generator.writeEndObject();
                    } else {
                        generator.writeEndArray();
                    }
                } else if (!container.object()) {
                    start(generator, container.rest().next(), open);
                } else if (container.rest().next() instanceof Map.Entry<?, ?> entry && entry.getValue() != null) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    start(generator, entry.getValue(), open);
                }
            }
        } catch (JsonProcessingException impossible) {
            throw cannotWrite(value, impossible);
        }
    }

    /** A map or a collection {@link #writeNested} has started: its entries or its elements still to write. */
    private record Container(boolean object, Iterator<?> rest) {
    }

    /** Writes a value that contains none, or the start of one that does, opened on {@code open}. */
    private static void start(JsonGenerator generator, Object value, Deque<Container> open) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            // in the order ORDER_MAP_ENTRIES_BY_KEYS gives: a sorted map's own, any other's natural one
            open.push(new Container(true, (map instanceof SortedMap ? map : new TreeMap<>(map)).entrySet().iterator()));
        } else if (value instanceof Collection<?> collection) {
            generator.writeStartArray();
            open.push(new Container(false, collection.iterator()));
        } else {
            generator.writeObject(value);
        }
    }

    /**
     * A value that cannot be written is a bug of its caller's. Jackson's message goes on to name each step down to the
     * value, in a deep document the one line again for every level: the original message says what is wrong.
     */
    private static IllegalStateException cannotWrite(Object value, JsonProcessingException failure) {
        return new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                + failure.getOriginalMessage(), failure);
    }

    /**
     * The document in the bytes, as a {@code type}. As {@link JsonTrees} reads the files people write, a
     * duplicate key or content after the document is refused: which key wins, or whether the rest was
     * meant, would be a guess.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the bytes do not parse or do
     *                                                            not fit the type, a document of
     *                                                            {@code null} included
     */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        try (JsonParser parser = MAPPER.createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            T value = MAPPER.readValue(parser, type);
            if (value == null) {
                // Jackson reads a document of null as no value at all, which every caller would take for a value
                throw MismatchedInputException.from(parser, type, "a document of null, where " + type.getSimpleName()
                        + " belongs");
            }
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the JSON document");
            }
            return value;
        }
    }

    /**
     * JSON's escapes, extended to the characters a string may hold raw that a terminal acts on (DEL, C1 controls) or
     * that show the rest of a line in another order (the bidi controls, {@link TerminalText#isBidiControl}), and the
     * line and paragraph separators, which JavaScript before ES2019 refused raw in a string and a log viewer breaks at.
     */
    private static final class TerminalEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isISOControl(ch) || TerminalText.isBidiControl(ch) || TerminalText.isLineSeparator(ch)
                    ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
        }
    }

    private static final class ParsingDeserializer<T>
            extends com.fasterxml.jackson.databind.deser.std.FromStringDeserializer<T> {
        /** What the value is, as a message says it: {@code a version}. */
        private final String what;
        private final transient Function<String, T> parser;

        ParsingDeserializer(Class<T> type, String what, Function<String, T> parser) {
            super(type);
            this.what = what;
            this.parser = parser;
        }

        @Override
        protected T _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext context) {
            return parser.apply(value);
        }

        /**
         * An empty string is the parser's to take (a range, which it reads as any release) or refuse as empty, at its
         * place: Jackson's own reading of it as no value at all had the record holding it call the field missing, at
         * the end of the document, or a map holding it a required field missing, though it is there.
         */
        @Override
        protected Object _deserializeFromEmptyString(com.fasterxml.jackson.databind.DeserializationContext context)
                throws IOException {
            try {
                return parser.apply("");
            } catch (IllegalArgumentException refused) {
                IllegalArgumentException empty = new IllegalArgumentException("an empty string, where " + what
                        + " belongs");
                throw context.weirdStringException("", handledType(), empty.getMessage()).withCause(empty);
            }
        }
    }

    private static final class ParsingKeyDeserializer extends com.fasterxml.jackson.databind.KeyDeserializer {
        private final Class<?> type;
        private final Function<String, ?> parser;

        ParsingKeyDeserializer(Class<?> type, Function<String, ?> parser) {
            this.type = type;
            this.parser = parser;
        }

        /**
         * A key that does not parse fails as a value does, a mapping failure with the parser's reason, not a bare one.
         */
        @Override
        public Object deserializeKey(String key, com.fasterxml.jackson.databind.DeserializationContext context)
                throws IOException {
            try {
                return parser.apply(key);
            } catch (IllegalArgumentException invalid) {
                throw context.weirdKeyException(type, key, invalid.getMessage()).withCause(invalid);
            }
        }
    }

    /** A range as written, the empty one too, which people read as {@code *} ({@link VersionRange#toString}). */
    private static final class RangeAsWritten extends StdSerializer<VersionRange> {

        RangeAsWritten() {
            super(VersionRange.class);
        }

        @Override
        public void serialize(VersionRange range, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(range.text());
        }
    }
}
