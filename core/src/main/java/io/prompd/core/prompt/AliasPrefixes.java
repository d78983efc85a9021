package io.prompd.core.prompt;

import io.prompd.core.Plural;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules on a {@code using} prefix. {@link References#parse} reads a prefix before anything else a reference may be,
 * so a reference through one reads as what the prefix looks like, and resolves into the alias's package: under the
 * prefix {@code @common/base-prompts@^2.1.0}, {@code inherits: "@common/base-prompts@^2.1.0/prompts/x.prmd"} is the
 * direct reference to a trusted package a reviewer reads, and a file of any package the alias names. So a prefix is
 * written as a scope is, {@code @base}, as the documented ones are, and is an error otherwise; and it is an error as
 * the scope of a package known, or reading like one: in {@code prompd validate} a package the prompt or prompd.json
 * names, and in a registry's check every scope of the registry.
 */
public final class AliasPrefixes {

    private AliasPrefixes() {
    }

    /**
     * The error of a prefix not written as a scope is, and what a reference through it reads as, at the prefix's
     * pointer; empty for one so written.
     *
     * @param target the package the alias names, when its name reads
     */
    static Optional<Problem> misread(String file, String pointer, String prefix, Optional<PackageName> target) {
        String cause;
        String readsAs;
        if (prefix.contains("/") || prefix.contains("\\")) {
            cause = "holds '" + (prefix.contains("/") ? "/" : "\\") + "'";
            readsAs = "a file of the package it names";
        } else if (prefix.indexOf('@', 1) >= 0) {
            cause = "holds '@' after its first character, as a version is written";
            readsAs = "a file of the package and version it names";
        } else if (!prefix.startsWith("@")) {
            cause = "does not start with '@'";
            readsAs = "a file of this package";
        } else if (!PackageName.check(prefix + "/x").isEmpty()) {
            cause = "is not written as a scope is (" + PackageName.check(prefix + "/x").get(0) + ")";
            readsAs = "a file of a package of the scope it looks like";
        } else {
            return Optional.empty();
        }
        return Optional.of(Problem.error(file, pointer, "the prefix '" + prefix + "' " + cause + ", so a reference"
                + " through it, '" + prefix + "/…', reads as " + readsAs + ", where it is one of " + target
                .map(PackageName::toString).orElse("the alias's package"), "name the alias something that cannot"
                + " be read as a package or a path, '@' and a word as a scope is written, such as '"
                + target.map(name -> free(name, Set.of())).orElse("@base") + "'"));
    }

    /**
     * A {@code using} prefix that is, or reads like, the scope of a package the prompt or prompd.json names: every
     * reference starting {@code @scope/} reads as the alias and a path, never as that package, and
     * {@code inherits: "@common/base@^2.0.0/x.prmd"} under the prefix {@code @common} names a file of the alias's
     * package. The packages named are those of prompd.json's dependencies, of the {@code using} entries and of the
     * other references, and those the prompt writes with a range through the prefix
     * ({@code @common/base@^2.0.0/x.prmd}).
     */
    static void namedScopes(PromptPackage pack, String file, PromptFile prompt, List<ReferenceSite> references,
                            Problems problems) {
        SortedSet<PackageName> named = new TreeSet<>(pack.dependencies().keySet());
        named.addAll(pack.invalidRanges());
        references.stream().map(ReferenceSite::reference).filter(PackageReference.class::isInstance)
                .flatMap(reference -> packageWritten((PackageReference) reference).stream()).forEach(named::add);
        Set<String> scopes = named.stream().map(PackageName::scopeWithAt).filter(scope -> !scope.isEmpty())
                .collect(Collectors.toSet());
        for (Alias alias : prompt.using()) {
            List<PackageName> shadowed = named.stream()
                    .filter(name -> name.isScoped() && readsAs(alias.prefix(), name.scopeWithAt())).toList();
            if (!shadowed.isEmpty()) {
                boolean same = shadowed.stream().anyMatch(name -> name.scopeWithAt().equals(alias.prefix()));
                problems.add(shadowing(file, prompt, alias, (same ? "is the scope of " : "reads like the scope of ")
                        + Plural.series(shadowed.stream().map(PackageName::toString).toList(), "and"), scopes,
                        "is the scope of no package the prompt or prompd.json names, nor reads like one"));
            }
        }
    }

    /**
     * For a registry's check, which knows every scope of the registry: the errors of the aliases of the prompts whose
     * prefix is such a scope, or reads like one, as {@link #namedScopes} finds of a package the prompt names. A
     * reference through it reads as a package of the registry, where it is a file of the alias's.
     *
     * @param prompts the prompts of a package, by their path in it
     * @param scopes  the registry's scopes, with their {@code @}
     */
    public static List<Problem> registryScopes(Map<String, PromptFile> prompts, Collection<String> scopes) {
        List<Problem> found = new ArrayList<>();
        prompts.forEach((file, prompt) -> {
            for (Alias alias : prompt.using()) {
                Optional<String> same = scopes.stream().filter(scope -> scope.equals(alias.prefix())).findFirst();
                Optional<String> alike = same.or(() -> scopes.stream().filter(scope -> readsAs(alias.prefix(), scope))
                        .sorted().findFirst());
                alike.ifPresent(scope -> found.add(shadowing(file, prompt, alias, (same.isPresent() ? "is the scope "
                        : "reads like the scope ") + scope + " of this registry", Set.copyOf(scopes),
                        "is no scope of this registry, nor reads like one")));
            }
        });
        return List.copyOf(found);
    }

    /** {@code @name} for the package {@code @scope/name}, or {@code @name2}, ... when that one is taken. */
    static String free(PackageName target, Set<String> taken) {
        String prefix = "@" + target.name();
        return Stream.iterate(1, count -> count + 1).map(count -> count == 1 ? prefix : prefix + count)
                .filter(free -> taken.stream().noneMatch(scope -> readsAs(free, scope))).findFirst().orElseThrow();
    }

    /** Whether a prefix is the scope, or reads like it ({@link PackageName#scopeLookalikeKey}). */
    private static boolean readsAs(String prefix, String scope) {
        return PackageName.scopeLookalikeKey(prefix).equals(PackageName.scopeLookalikeKey(scope));
    }

    /**
     * @param what  what the prefix is, {@code is the scope of @common/base}
     * @param taken the scopes a prefix suggested is none of, nor reads like, beside the prompt's other prefixes
     * @param free  what the prefix suggested is, for the hint
     */
    private static Problem shadowing(String file, PromptFile prompt, Alias alias, String what, Set<String> taken,
                                     String free) {
        String pointer = alias.pointer() + "/prefix";
        Set<String> notFree = Stream.concat(taken.stream(), prompt.using().stream().map(Alias::prefix))
                .collect(Collectors.toSet());
        return Problem.error(file, pointer, "the prefix '" + alias.prefix() + "' " + what + ", so every reference"
                + " starting '" + alias.prefix() + "/' reads as a package of that scope, where it is a file of "
                + alias.target().packageName(), "choose a prefix that " + free + ", such as '"
                + free(alias.target().packageName(), notFree) + "'").atLine(prompt.lineOf(pointer));
    }

    /**
     * The package a reference names as written: its own; for one through an alias, the package its text names with a
     * range ({@code @common/base@^2.0.0/x.prmd}), which the alias shadows; none for a path under the alias.
     */
    private static Optional<PackageName> packageWritten(PackageReference reference) {
        if (reference.alias().isEmpty()) {
            return Optional.of(reference.packageName());
        }
        return References.tryParse(reference.written(), List.of()).filter(PackageReference.class::isInstance)
                .map(PackageReference.class::cast).filter(written -> !written.selector().isEmpty())
                .map(PackageReference::packageName);
    }
}
