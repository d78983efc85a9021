package io.prompd.client.install;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.resolve.ResolutionException;
import io.prompd.core.version.VersionRange;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A version or range asked for that no version which may be installed meets, found out before the resolver runs: a
 * version yanked or taken down named exactly, or by a dist-tag, or a range {@code info} finds nothing in. It has the
 * kind and fields of the resolver's own such failure, so that a script sees one kind whichever step refused.
 */
public final class VersionNotFound extends PrompdException {

    /** The {@code kind} of its {@code --json} error: a resolution resting on a range no version meets's. */
    public static final String KIND = ResolutionException.VERSION_NOT_FOUND;

    /**
     * @param range what was asked for, given as {@code range} as it was written; for a dist-tag, the version it points
     *              at
     * @param tag   the dist-tag asked for, given as {@code tag}; empty for a range or a version
     */
    VersionNotFound(PackageName name, VersionRange range, Optional<String> tag, String message, String hint) {
        super(ExitCode.NOT_FOUND, message, hint, null, KIND, fields(name, range, tag));
    }

    private static Map<String, Object> fields(PackageName name, VersionRange range, Optional<String> tag) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("name", name.toString());
        fields.put("range", range.text());
        tag.ifPresent(asked -> fields.put("tag", asked));
        return fields;
    }
}
