package io.prompd.core.name;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The names a failure offers in place of one that does not exist ({@link SimilarNames#among}) and, when the names to
 * choose from could not be read for a reason whoever keeps the registry should hear of, that reason: the failure then
 * says so, where suggesting nothing without a word hid a damaged registry.
 *
 * @param names      best first; empty when none is close, or when the names could not be read
 * @param unreadable why the names could not be read, as in {@code the registry sent a damaged document: URL (...)}
 */
public record NameSuggestions(List<PackageName> names, Optional<String> unreadable) {

    /** Nothing to suggest, and nothing to say about it. */
    public static final NameSuggestions NONE = new NameSuggestions(List.of(), Optional.empty());

    public NameSuggestions {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        Objects.requireNonNull(unreadable, "unreadable");
    }

    public static NameSuggestions of(List<PackageName> names) {
        return new NameSuggestions(names, Optional.empty());
    }

    public static NameSuggestions unreadable(String why) {
        return new NameSuggestions(List.of(), Optional.of(why));
    }

    /**
     * What a failure adds when the names could not be read, naming the reason, as a clause after its own words ({@code
     * no package x in R; no similar names can be suggested: ...}); the same for every name asked.
     */
    public Optional<String> clause() {
        return unreadable.map(why -> "no similar names can be suggested: " + why + "; tell whoever keeps the registry");
    }

    /** {@link #clause} as a sentence of its own, as a resolution's explanation says each thing it adds. */
    public Optional<String> note() {
        return clause().map(clause -> Character.toUpperCase(clause.charAt(0)) + clause.substring(1));
    }
}
