package io.prompd.core.prompt;

import java.util.Objects;

/**
 * A {@code using} entry: {@code {name: "@prompd/core@0.0.1", prefix: "@core"}} lets the prompt write
 * {@code @core/prompts/base.prmd} for {@code @prompd/core@0.0.1/prompts/base.prmd}.
 *
 * @param written the {@code name} as written
 * @param target  the package (and version) the prefix stands for
 * @param prefix  the prefix, such as {@code @core}
 * @param pointer the entry of {@code using} that defines it, such as {@code /using/0}
 */
public record Alias(String written, PackageReference target, String prefix, String pointer) {

    public Alias {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(pointer, "pointer");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("an alias needs a prefix");
        }
    }
}
