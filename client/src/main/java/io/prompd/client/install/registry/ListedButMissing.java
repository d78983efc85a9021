package io.prompd.client.install.registry;

import io.prompd.client.http.NotFound;
import io.prompd.core.Causes;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.HashMap;
import java.util.Map;

/**
 * A file of a version its package's {@code index.json} lists that the registry has not got: the name and version are
 * confirmed by the registry's own index, so the registry is incomplete (or midway through publishing), not the user's
 * request wrong, as a version document disagreeing with the index is damaged. It ends with the network's exit code, as
 * a registry answering something unusable does, so that a script retrying on that code gets past a publication
 * halfway done rather than give up on it as on a package that does not exist.
 */
public final class ListedButMissing extends PrompdException {

    /** The {@code kind} of a version listed whose tarball the registry has not got. */
    public static final String TARBALL_MISSING = "tarballMissing";
    /** The {@code kind} of a version listed whose version document the registry has not got. */
    public static final String VERSION_DOCUMENT_MISSING = "versionDocumentMissing";

    private ListedButMissing(PackageName name, Version version, String file, String kind, PrompdException missing) {
        super(ExitCode.NETWORK, "the registry lists " + name + "@" + version + " but has no " + file + " for it ("
                + missing.getMessage() + ")", "the registry may be incomplete or halfway through publishing: try"
                + " again later, or tell its maintainers", null, kind, fields(name, version, missing));
    }

    private static Map<String, Object> fields(PackageName name, Version version, PrompdException missing) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", name.toString());
        fields.put("version", version.toString());
        Causes.find(missing, NotFound.class).ifPresent(notFound -> fields.putAll(notFound.requestFields()));
        return fields;
    }

    /**
     * {@code the registry lists @acme/base@1.2.0 but has no tarball for it (not found in the registry: URL)}.
     *
     * @param missing the failure to fetch it, naming the URL
     */
    public static ListedButMissing tarball(PackageName name, Version version, PrompdException missing) {
        return new ListedButMissing(name, version, "tarball", TARBALL_MISSING, missing);
    }

    /** As {@link #tarball}, of the version's document, which {@code info} reads. */
    static ListedButMissing versionDocument(PackageName name, Version version, PrompdException missing) {
        return new ListedButMissing(name, version, "version document", VERSION_DOCUMENT_MISSING, missing);
    }
}
