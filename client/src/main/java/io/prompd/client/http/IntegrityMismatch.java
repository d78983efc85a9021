package io.prompd.client.http;

import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Other bytes than those an integrity pins: a tarball downloaded, or a version a lock pins that its registry now lists
 * with another integrity. A type of its own so that a script is given, as npm's {@code EINTEGRITY} gives it, which
 * version it was and both integrities, without reading them out of the message.
 */
public final class IntegrityMismatch extends PrompdException {

    /** The {@code kind} of its {@code --json} error. */
    public static final String KIND = "integrityMismatch";

    /** Of a tarball downloaded from {@code url}, whose version the caller names ({@link #of}). */
    IntegrityMismatch(String message, String hint, URI url, Integrity expected, Integrity actual) {
        // shown as the lock records it, as every URL of a --json error
        this(message, hint, null, withIntegrities(Map.of("url", LockedPackage.display(url)), expected, actual));
    }

    /** Of a version whose integrity {@code expected} and {@code actual} are two records of, none downloaded. */
    public IntegrityMismatch(String message, String hint, PackageName name, Version version, Integrity expected,
                             Integrity actual) {
        this(message, hint, null, withIntegrities(named(Map.of(), name, version), expected, actual));
    }

    private IntegrityMismatch(String message, String hint, Throwable cause, Map<String, Object> fields) {
        super(ExitCode.INTEGRITY, message, hint, cause, KIND, fields);
    }

    /** The same failure naming the version whose tarball it was, as the caller of the download knows it. */
    public IntegrityMismatch of(PackageName name, Version version) {
        IntegrityMismatch named = new IntegrityMismatch(getMessage(), hint(), getCause(),
                named(fields(), name, version));
        // the same failure, where it happened, so that --verbose shows it once
        named.setStackTrace(getStackTrace());
        return named;
    }

    /**
     * Whether these are the bytes downloaded from {@code url}, as the lock records it: where a download read two URLs,
     * a registry's copy and the lock's, what to say of them depends on which gave them.
     */
    public boolean downloadedFrom(URI url) {
        return LockedPackage.display(url).equals(fields().get("url"));
    }

    private static Map<String, Object> named(Map<String, Object> fields, PackageName name, Version version) {
        Map<String, Object> named = new TreeMap<>(fields);
        named.put("name", name.toString());
        named.put("version", version.toString());
        return named;
    }

    private static Map<String, Object> withIntegrities(Map<String, Object> fields, Integrity expected,
                                                       Integrity actual) {
        Map<String, Object> with = new TreeMap<>(fields);
        with.put("expected", expected.toString());
        with.put("actual", actual.toString());
        return with;
    }
}
