package io.prompd.core.prompt;

import io.prompd.core.prompt.DependencyFiles.VersionFiles;
import io.prompd.core.prompt.DependencyFiles.Versions;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters that the prompts of other packages which a package's prompts inherit declare, in the versions at hand
 * ({@link Versions}: the one prompd.lock pins and the store holds, for {@code prompd validate}): a variable one of
 * them declares is declared, and one none of them declares is told as any other undeclared one. Without the version
 * (none at hand, or a chain leading to yet another package, or to a prompt that does not parse) a variable may be
 * declared there, and the warning only says so ({@link TemplateRule#declareHint}).
 */
public final class DependencyParents {

    /** No version at hand: what a tarball's validity, which no machine's installs change, is judged by. */
    public static final DependencyParents NONE = new DependencyParents(Map.of());

    private final Map<PackageReference, Declared> declared;

    private DependencyParents(Map<PackageReference, Declared> declared) {
        this.declared = Map.copyOf(declared);
    }

    /**
     * The parameters a prompt of another package and the prompts it inherits within it declare.
     *
     * @param inFull  whether those are all they declare ({@link PromptFile#parametersInFull})
     * @param version the package and version they were read from, {@code @acme/util 1.0.0}, for the hint
     */
    record Declared(Set<String> names, boolean inFull, String version) {

        Declared {
            names = Set.copyOf(names);
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * The parameters of the inherited prompt of another package at the end of each prompt's local chain, as
     * {@code versions} give that package. Every such parent is the {@code inherits} of a prompt of the package, the
     * last of its chain, so the prompts' own are read without walking the chains.
     */
    public static DependencyParents read(PromptPackage pack, Versions versions) throws IOException {
        Map<PackageReference, Declared> found = new HashMap<>();
        for (PromptFile prompt : pack.prompts().values()) {
            if (prompt.inherits().orElse(null) instanceof PackageReference parent && !found.containsKey(parent)) {
                Optional<PackageReference> meant = parent.meant();
                Optional<VersionFiles> version = meant.isPresent() ? versions.of(parent.packageName())
                        : Optional.empty();
                if (version.isPresent()) {
                    chain(meant.get(), version.get()).ifPresent(chain -> found.put(parent, chain));
                }
            }
        }
        return new DependencyParents(found);
    }

    /**
     * What the prompt at the reference's path in the version, and those it inherits within that version, declare;
     * empty where one of them is missing or does not parse, or inherits a prompt of yet another package.
     */
    private static Optional<Declared> chain(PackageReference parent, VersionFiles version) throws IOException {
        Set<String> names = new HashSet<>();
        boolean inFull = true;
        Set<String> visited = new HashSet<>();
        Optional<String> current = Optional.of(parent.path());
        while (current.isPresent() && visited.add(current.get()) && PromptFile.hasPromptExtension(current.get())
                && version.has(current.get())) {
            String path = current.get();
            Optional<PromptFile> prompt = PromptParser.parse(path, version.files().read(path)).prompt()
                    .filter(PromptFile::frontMatterRead);
            if (prompt.isEmpty()) {
                break;
            }
            prompt.get().parameters().forEach(parameter -> names.add(parameter.name()));
            inFull &= prompt.get().parametersInFull();
            Optional<Reference> next = prompt.get().inherits();
            if (next.isEmpty()) {
                return Optional.of(new Declared(names, inFull, parent.packageName() + " " + version.version()));
            }
            current = next.get() instanceof LocalReference local ? local.resolveFrom(path) : Optional.empty();
        }
        return Optional.empty();
    }

    /** What the inherited prompt declares, as its prompt inherits it, when its version was at hand. */
    Optional<Declared> of(Reference parent) {
        return Optional.ofNullable(declared.get(parent));
    }
}
