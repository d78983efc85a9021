package io.prompd.client.config;

import io.prompd.core.TerminalText;
import io.prompd.core.name.PackageName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A package scope that can be routed to a registry, as npm's {@code @myorg:registry}.
 *
 * @param name the scope without its {@code @}, following the scope rules of {@link PackageName}
 */
public record Scope(String name) implements Comparable<Scope> {

    public Scope {
        Objects.requireNonNull(name, "name");
        // The scope rules live in PackageName; a valid one-letter package name isolates them.
        List<String> problems = name.contains("/") ? List.of("a scope cannot contain '/'")
                : PackageName.check("@" + name + "/x");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid scope " + TerminalText.quoted("@" + name) + ": "
                    + String.join("; ", problems));
        }
    }

    /** Parses {@code @myorg}; the {@code @} is required so a scope is never mistaken for a registry name. */
    public static Scope parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith("@")) {
            throw new IllegalArgumentException("invalid scope " + TerminalText.quoted(text)
                    + ": a scope starts with '@', as in @" + TerminalText.oneLine(text));
        }
        return new Scope(text.substring(1));
    }

    /** The scope of a scoped package, empty for an unscoped one. */
    public static Optional<Scope> of(PackageName packageName) {
        return packageName.isScoped() ? Optional.of(new Scope(packageName.scope())) : Optional.empty();
    }

    /**
     * The scope's own name as the name of a registry serving it, for a suggested command to be run as it is
     * ({@code registry add acme URL --scope @acme}). Every scope has one: the scope rules of {@link PackageName} are
     * the registry name's, at most as long, and more (no trailing {@code .}, no Windows device name).
     */
    public RegistryName registryName() {
        return new RegistryName(name);
    }

    @Override
    public int compareTo(Scope other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return "@" + name;
    }
}
