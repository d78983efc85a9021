package io.prompd.core.name;

import io.prompd.core.TerminalText;
import io.prompd.core.problem.Refusal;
import io.prompd.core.version.InvalidRangeException;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user names to install: a package and which of its versions, as in {@code @org/pkg},
 * {@code @org/pkg@^1.2}, {@code @org/pkg@beta} or {@code pkg@~1}. {@code org/pkg} is read as
 * {@code @org/pkg}, since an unscoped name cannot hold '/'.
 *
 * @param name     the package
 * @param selector which version: the latest, a range, or a dist-tag
 */
public record PackageSpec(PackageName name, Selector selector) {

    /** A dist-tag is what is not a valid range and looks like this, as in {@code beta} or {@code next-2}. */
    private static final Pattern DIST_TAG = Pattern.compile("[a-z][a-z0-9._-]*");

    public PackageSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
    }

    /** Which version of the package a user asks for. */
    public sealed interface Selector {
    }

    /** No version given: the version the {@code latest} dist-tag points to. */
    public record Latest() implements Selector {
    }

    /** The highest version the range allows. */
    public record Range(VersionRange range) implements Selector {
        public Range {
            Objects.requireNonNull(range, "range");
        }
    }

    /** The version a dist-tag such as {@code beta} points to. */
    public record DistTag(String tag) implements Selector {
        public DistTag {
            Objects.requireNonNull(tag, "tag");
            if (!isValid(tag)) {
                throw new IllegalArgumentException("'" + tag + "' is not a dist-tag: a tag starts with a lowercase"
                        + " letter, holds only a-z, 0-9, '.', '_' and '-', and is not a version range");
            }
        }

        public static boolean isValid(String text) {
            return DIST_TAG.matcher(text).matches() && !VersionRange.isValid(text);
        }
    }

    /** @throws InvalidPackageSpecException saying what is wrong and how to write it */
    public static PackageSpec parse(String text) {
        Written written = Written.read(text, Reading.SPEC);
        return new PackageSpec(written.name(), written.version().isEmpty() ? new Latest()
                : selector(text, written.version().get()));
    }

    /**
     * A package name alone, read as {@link #parse} reads one, for a command that acts on a dependency rather than on
     * versions of it: a version after the name is refused, and the advice on writing one names no version.
     *
     * @throws InvalidPackageSpecException saying what is wrong and how to write it
     */
    public static PackageName parseName(String text) {
        Written written = Written.read(text, Reading.NAME);
        if (written.version().isPresent()) {
            throw new InvalidPackageSpecException(Refusal.withoutAdvice(TerminalText.oneLine("'" + text + "': give the"
                    + " package name alone, '" + written.name() + "', without a version")));
        }
        return written.name();
    }

    /**
     * What a text may name, and so how a user is told to write one: advice naming a version misleads where none is
     * taken.
     */
    private enum Reading {
        SPEC("write @org/pkg, optionally followed by @ and a version range or dist-tag, as in @org/pkg@^1.2 or"
                + " @org/pkg@beta"),
        NAME("write @org/pkg or pkg, without a version");

        private final String advice;

        Reading(String advice) {
            this.advice = advice;
        }
    }

    /** A text read as far as its package name, which is valid, and what follows the name's '@', if it has one. */
    private record Written(PackageName name, Optional<String> version) {

        static Written read(String text, Reading reading) {
            Objects.requireNonNull(text, "text");
            String spec = text.strip();
            if (spec.isEmpty()) {
                throw refusal(text, "it is empty", reading);
            }
            // npm's other sources (github:, git+ssh:, file:, npm:, URLs) have a scheme;
            // no name, range or tag holds a ':'
            if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("~") || spec.contains(":")
                    || spec.contains("\\") || spec.endsWith(".tgz")) {
                throw refusal(text, "it is a path, URL or Git source, and prompd installs"
                        + " packages by name from a registry (a folder built by prompd-registry is one, through"
                        + " --registry file://...)", reading);
            }
            int at = spec.indexOf('@', spec.startsWith("@") ? 1 : 0);
            String written = at < 0 ? spec : spec.substring(0, at);
            String nameText = written.startsWith("@") || !written.contains("/") ? written : "@" + written;
            // a fix beyond the letters' case ('@acme/_tone' to '@acme/tone') may name another package, one that exists
            Optional<NameCorrection> corrected = NameCorrection.of(nameText)
                    .filter(correction -> correction.name().toString().equals(nameText.toLowerCase(Locale.ROOT)));
            if (corrected.isPresent()) {
                // the text to write is the name alone where a version is refused
                String version = reading == Reading.SPEC ? spec.substring(written.length()) : "";
                throw new InvalidPackageSpecException(Refusal.withoutAdvice(TerminalText.oneLine("'" + text
                        + "' does not name a package: " + corrected.get().writeInstead(corrected.get().name()
                        + version))));
            }
            List<String> nameProblems = PackageName.check(nameText);
            if (!nameProblems.isEmpty()) {
                throw refusal(text, "'" + nameText + "' is not a valid package name: "
                        + String.join("; ", nameProblems), reading);
            }
            // a space after the '@' ('pkg@ 2', a shell's quoting) would be saved into prompd.json's range
            return new Written(PackageName.parse(nameText),
                    at < 0 ? Optional.empty() : Optional.of(spec.substring(at + 1).strip()));
        }
    }

    private static Selector selector(String text, String written) {
        if (written.isEmpty()) {
            throw refusal(text, "nothing follows the '@'; add a version range or dist-tag,"
                    + " or leave out the '@' for the latest version", Reading.SPEC);
        }
        try {
            return new Range(VersionRange.parse(written));
        } catch (InvalidRangeException notARange) {
            if (DIST_TAG.matcher(written).matches()) {
                return new DistTag(written);
            }
            throw refusal(text, "'" + written + "' is neither a dist-tag (a lowercase"
                    + " letter then a-z, 0-9, '.', '_' or '-') nor a version range: " + notARange.getMessage(),
                    Reading.SPEC);
        }
    }

    /** In one line ({@link TerminalText#oneLine}), quoting the text as a command line gave it, line breaks and all. */
    private static InvalidPackageSpecException refusal(String text, String reason, Reading reading) {
        return new InvalidPackageSpecException(new Refusal(
                TerminalText.oneLine("'" + text + "' does not name a package: " + reason),
                Optional.of(reading.advice)));
    }

    @Override
    public String toString() {
        String suffix;
        if (selector instanceof Range range) {
            suffix = "@" + range.range().text();
        } else if (selector instanceof DistTag distTag) {
            suffix = "@" + distTag.tag();
        } else {
            suffix = "";
        }
        return name + suffix;
    }
}
