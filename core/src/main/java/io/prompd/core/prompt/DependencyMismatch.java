package io.prompd.core.prompt;

import io.prompd.core.version.VersionRange;
import java.util.Objects;
import java.util.Optional;

/**
 * A prompt's reference to another package that {@code "dependencies"} in prompd.json do not back as it is written:
 * one asking for another range than they give, which validate requires to be the same, or one naming a package they
 * do not declare.
 *
 * @param file      the prompt, or the file a prompt's template loads, that writes it
 * @param pointer   the front-matter field that holds it, such as {@code /using/0/name}; empty for the body
 * @param line      the file line of the reference
 * @param reference the reference, written without a {@code using} alias (one through an alias is the alias's)
 * @param declared  the range {@code "dependencies"} give the package; empty when they do not declare it
 */
public record DependencyMismatch(String file, String pointer, int line, PackageReference reference,
                                 Optional<VersionRange> declared) {

    public DependencyMismatch {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(declared, "declared");
        if (line < 1) {
            throw new IllegalArgumentException("a reference is on a line of its file: " + line);
        }
        if (declared.isPresent() && reference.selector().isEmpty()) {
            throw new IllegalArgumentException("a reference without a range asks for none other than declared");
        }
    }

    /**
     * The reference as it is to be written, with the range {@code "dependencies"} give in place of its own, since
     * prompd.lock follows them; empty when they do not declare the package.
     */
    public Optional<String> agreeing() {
        return declared.map(range -> reference.withSelector(range.text()));
    }
}
