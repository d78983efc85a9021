package io.prompd.generator.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.Attributes;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesNodeProvider;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * What the {@code .gitattributes} of a commit let Git change of the files under packages/ between a working tree and
 * the repository: line endings (the {@code text} attribute, and, where it is left unspecified, a committer's
 * {@code core.autocrlf}), a filter (Git LFS), a working-tree encoding, {@code $Id$} expansion. A version's tarball is
 * made of the committed bytes and its author's {@code prompd pack} of the bytes on disk, so any of these can make the
 * two differ, and make published versions show as changed in a fresh clone. Only the repository's own attributes
 * count: the check and the build read objects alone, and a committer's info/attributes or core.attributesFile are
 * theirs.
 */
public final class GitConversions {

    /** The repository's attributes file, at its root: one in packages/ is refused as a file no version may hold. */
    public static final String FILE = ".gitattributes";
    /** The attribute for line endings. */
    public static final String TEXT = "text";
    private static final List<String> REWRITING = List.of("filter", "working-tree-encoding", "ident");
    private static final AttributesNodeProvider REPOSITORY_ONLY = new AttributesNodeProvider() {
        @Override
        public AttributesNode getInfoAttributesNode() {
            return new AttributesNode();
        }

        @Override
        public AttributesNode getGlobalAttributesNode() {
            return new AttributesNode();
        }
    };

    private GitConversions() {
    }

    /**
     * A conversion Git may apply to files under packages/.
     *
     * @param attribute as .gitattributes writes it ({@code text}, {@code text=auto}, {@code filter=lfs}), or empty for
     *                  {@code text} left unspecified, which leaves line endings to each committer's core.autocrlf
     * @param firstPath the first such file, in Git's order
     * @param files     how many files under packages/ it applies to
     */
    public record Conversion(Optional<String> attribute, String firstPath, int files) {

        public Conversion {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(firstPath, "firstPath");
            if (files < 1) {
                throw new IllegalArgumentException("a conversion applies to a file at least");
            }
        }

        /** The attribute's name, as a line of .gitattributes names it: {@code text} for line endings. */
        public String name() {
            return attribute.map(written -> written.replaceFirst("=.*", "")).orElse(TEXT);
        }
    }

    /** The conversions the commit's attributes allow for files under packages/, in the order Git lists the files. */
    public static List<Conversion> of(RegistryRepository repository, ObjectId commit) throws IOException {
        Map<Optional<String>, String> firstPaths = new LinkedHashMap<>();
        Map<Optional<String>, Integer> counts = new LinkedHashMap<>();
        try (ObjectReader reader = repository.repository().newObjectReader(); RevWalk commits = new RevWalk(reader);
             TreeWalk walk = new TreeWalk(repository.repository(), reader)) {
            walk.setAttributesNodeProvider(REPOSITORY_ONLY);
            walk.addTree(RegistryRepository.parseCommit(commits, commit).getTree());
            walk.setRecursive(true);
            walk.setFilter(PathFilter.create(RepositoryLayout.PACKAGES));
            while (walk.next()) {
                String path = GitPaths.of(walk);
                for (Optional<String> conversion : conversions(walk.getAttributes())) {
                    firstPaths.putIfAbsent(conversion, path);
                    counts.merge(conversion, 1, Integer::sum);
                }
            }
        }
        List<Conversion> found = new ArrayList<>();
        firstPaths.forEach((attribute, path) -> found.add(new Conversion(attribute, path, counts.get(attribute))));
        return List.copyOf(found);
    }

    private static List<Optional<String>> conversions(Attributes attributes) {
        List<Optional<String>> found = new ArrayList<>();
        if (!attributes.isUnset(TEXT)) {
            found.add(written(attributes.get(TEXT)));
        }
        for (String name : REWRITING) {
            Attribute attribute = attributes.get(name);
            if (attribute != null && attribute.getState() != Attribute.State.UNSET
                    && attribute.getState() != Attribute.State.UNSPECIFIED) {
                found.add(written(attribute));
            }
        }
        return found;
    }

    /**
     * The attribute as .gitattributes writes it ({@code text}, {@code text=auto}), as {@link Conversion#attribute}
     * holds it; empty for none, or one unset or unspecified, which converts nothing.
     */
    public static Optional<String> written(Attribute attribute) {
        if (attribute == null || attribute.getState() == Attribute.State.UNSPECIFIED
                || attribute.getState() == Attribute.State.UNSET) {
            return Optional.empty();
        }
        return Optional.of(attribute.getState() == Attribute.State.CUSTOM
                ? attribute.getKey() + "=" + attribute.getValue() : attribute.getKey());
    }
}
