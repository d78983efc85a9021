package io.prompd.client.install.lock;

import io.prompd.client.config.RegistryUrl;
import io.prompd.core.SortedCopies;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Urls;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * One package version as {@code prompd.lock} pins it: enough to install it again without asking
 * the registry anything.
 *
 * @param version      the chosen version
 * @param resolved     the tarball's absolute URL, without user information, so no credential is ever written, and with
 *                     only the query parameters known to address a file ({@link #ADDRESSING}), without its fragment:
 *                     the lock is committed, and whatever else a query holds may be a credential (a signature, a
 *                     token, a key, a session), whose names no list could ever hold all of; a download takes the URL
 *                     with its whole query from the registry's index again; the parameters kept are what tells one
 *                     tarball from another ({@code /dl?f=x-1.0.0.tgz}); its path as {@link Urls#pathAsSent} writes it
 * @param integrity    the tarball's integrity, checked before anything is unpacked
 * @param dependencies what this version declares, to check the lock still holds without the registry
 * @param registry     the root of the registry whose index gave the entry, only when {@code resolved} lies outside it
 *                     (a {@code --base-url} CDN, a bucket's pre-signed URL), as Cargo.lock's {@code source}: a URL
 *                     below a registry's root names that registry, and another registry listing the URL and the
 *                     integrity, which every lock holds, proves nothing; empty for a URL under the root, so an
 *                     ordinary lock stays as it was. A {@link RegistryUrl}, which holds no user information, query nor
 *                     fragment, so no credential is ever written
 */
public record LockedPackage(Version version, URI resolved, Integrity integrity,
                            SortedMap<PackageName, VersionRange> dependencies, Optional<RegistryUrl> registry) {

    /**
     * The query parameters, in {@linkplain #canonical canonical form}, that a lock records: the names that address a
     * file or a version of it (a download script's {@code f}, {@code file}, {@code path}, {@code name}, {@code id},
     * {@code v}; S3's {@code versionId}, Google Cloud Storage's {@code generation} and {@code alt}, Azure's
     * {@code comp}; a forge's {@code ref}, {@code sha}, {@code raw}), none of which is a credential. Every other
     * parameter is left out: one a registry tells its tarballs apart by that is not here costs only a lock that
     * installs without the index no longer ({@link #standsFor}), where a credential not known as one was committed.
     * A {@code key} or a {@code code} addresses the file for some hosts and is a credential for others (a Google API
     * key, an OAuth code), so it is left out too.
     */
    private static final Set<String> ADDRESSING = Set.of("f", "file", "filename", "filepath", "path", "name", "object",
            "objectpath", "blob", "asset", "artifact", "package", "pkg", "id", "ref", "rev", "revision", "sha", "hash",
            "digest", "tag", "v", "version", "versionid", "generation", "alt", "comp", "format", "raw", "dl",
            "download", "responsecontenttype", "responsecontentdisposition");

    /**
     * The query parameters, in canonical form, of the signatures pre-signed URLs carry: AWS's (SigV2's
     * {@code AWSAccessKeyId}, {@code Signature}, {@code Expires}), CloudFront's ({@code Policy}, {@code Key-Pair-Id}),
     * Google Cloud Storage's V2 ({@code GoogleAccessId}) and an Azure SAS token's fields ({@code sv}, {@code sp},
     * {@code se}, {@code sig}, …). Left out as every parameter not {@link #ADDRESSING} is, and silently: a registry
     * serving pre-signed URLs gives one with each download, which is how they work.
     */
    private static final Set<String> SIGNING = Set.of("awsaccesskeyid", "signature", "expires", "policy",
            "keypairid", "googleaccessid", "sv", "ss", "srt", "sp", "se", "st", "spr", "sip", "sr", "sig", "si",
            "sdd", "skoid", "sktid", "skt", "ske", "sks", "skv", "saoid", "suoid", "scid", "ses", "rscc", "rscd",
            "rsce", "rscl", "rsct");

    /**
     * The prefixes of the canonical names of AWS SigV4's and Google Cloud Storage V4's query parameters: each of
     * theirs is of the signature ({@code X-Amz-Signature}, {@code -Credential}, {@code -Security-Token},
     * {@code -Date}, {@code -Expires}, {@code -SignedHeaders}, {@code -Algorithm}, and Google's alike).
     */
    private static final List<String> SIGNING_PREFIXES = List.of("xamz", "xgoog");

    /** How {@link #leftOut} names a part of a query without {@code =}, which it does not show. */
    public static final String UNNAMED = "(a value without a name)";

    public LockedPackage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(integrity, "integrity");
        if (!resolved.isAbsolute()) {
            throw new IllegalArgumentException("a locked tarball URL must be absolute: " + resolved);
        }
        if (resolved.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a locked tarball URL must not hold user information");
        }
        // the registry's spelling of it, whichever a lock written by hand or by an older prompd holds
        resolved = Urls.asSent(recordable(resolved));
        dependencies = SortedCopies.map(Objects.requireNonNull(dependencies, "dependencies"));
        // the URL names a registry it lies under: recording that one again would only make diffs
        URI tarball = resolved;
        registry = Objects.requireNonNull(registry, "registry").filter(root -> !root.holds(tarball));
    }

    /** An entry whose URL names its registry, as every one does but a CDN's or a bucket's. */
    public LockedPackage(Version version, URI resolved, Integrity integrity,
                         SortedMap<PackageName, VersionRange> dependencies) {
        this(version, resolved, integrity, dependencies, Optional.empty());
    }

    /**
     * The URL with only the query parameters that address a file ({@link #ADDRESSING}), as written and in their order,
     * and without its fragment: what a lock records of a tarball URL, which {@link #resolved} says why. An older
     * prompd wrote the others, and a lock it wrote is read without them.
     */
    public static URI recordable(URI url) {
        if (url.getRawQuery() == null && url.getRawFragment() == null) {
            return url;
        }
        String kept = parameters(url).stream().filter(LockedPackage::addresses).collect(Collectors.joining("&"));
        return URI.create(withoutQuery(url) + (kept.isEmpty() ? "" : "?" + kept));
    }

    /**
     * The names, unescaped, of the query parameters a lock leaves out of the URL ({@link #recordable}) but those of a
     * pre-signed URL's signature: what the registry may tell its tarballs apart by, or a credential it gives away. A
     * part without {@code =} is named {@link #UNNAMED}, as it may be a token itself.
     */
    public static List<String> leftOut(URI url) {
        return parameters(url).stream().filter(parameter -> !addresses(parameter) && !signs(parameter))
                .map(parameter -> parameter.contains("=") ? name(parameter) : UNNAMED).distinct().toList();
    }

    private static List<String> parameters(URI url) {
        return url.getRawQuery() == null ? List.of() : Arrays.asList(url.getRawQuery().split("&", -1));
    }

    /**
     * Whether this entry's URL stands for the tarball URL a registry's index gives for a version, which is then read in
     * its place, with the query the lock leaves out: it is that URL as a lock records it ({@link #recordable}), or,
     * for the version the entry locks, as an older prompd recorded it, without its whole query, which locked every
     * tarball addressed by its query ({@code /dl?f=x-1.0.0.tgz}) as the bare {@code /dl}, and whose locks must still
     * install. A URL whose query lost a parameter that may have addressed the tarball ({@link #leftOut}) may be
     * recorded alike for every version, so it names the tarball of the entry's own version only, as that form does.
     */
    public boolean standsFor(Version of, URI indexed) {
        boolean own = of.equals(version);
        return recordable(indexed).equals(resolved) && (own || leftOut(indexed).isEmpty())
                || own && URI.create(withoutQuery(indexed)).equals(resolved);
    }

    /**
     * A tarball URL as messages name it: as a lock records it ({@link #recordable}), with only the query parameters
     * that address a file, and without user information, as {@link Urls#display} shows a URL; that query shown, as
     * {@link Urls#display} does not, since it tells one tarball from another ({@code /dl?f=x-1.0.0.tgz}), and a lock,
     * which is committed, holds it as well.
     */
    public static String display(URI url) {
        URI shown = recordable(url);
        return Urls.display(URI.create(withoutQuery(shown)))
                + (shown.getRawQuery() == null ? "" : "?" + shown.getRawQuery());
    }

    private static String withoutQuery(URI url) {
        return Urls.beforeQuery(url.toString());
    }

    /**
     * Whether a query's {@code name=value} is one a lock records: its name addresses a file, or it is an empty part
     * ({@code a&&b}), which holds nothing.
     */
    private static boolean addresses(String parameter) {
        return parameter.isEmpty() || ADDRESSING.contains(canonical(parameter));
    }

    /** Whether a query's {@code name=value} is one of a pre-signed URL's signature, by its name ({@link #SIGNING}). */
    private static boolean signs(String parameter) {
        String name = canonical(parameter);
        return SIGNING.contains(name) || SIGNING_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * The name of a query's {@code name=value}, unescaped, in lower case and without {@code -}, {@code _} and
     * {@code .}: hosts spell one name in each case and with or without any ({@code versionId}, {@code version_id},
     * {@code X-Amz-Signature}, {@code x_amz_signature}).
     */
    private static String canonical(String parameter) {
        return name(parameter).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }

    /** The name of a query's {@code name=value}, unescaped: the whole of a part without {@code =}. */
    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals), StandardCharsets.UTF_8);
    }

    /** This entry with the tarball at another URL: the one its bytes were downloaded from. */
    public LockedPackage withResolved(URI url) {
        return new LockedPackage(version, url, integrity, dependencies, registry);
    }

    /** This entry as given by the index of the registry at {@code root}, which it records if its URL lies outside. */
    public LockedPackage givenBy(RegistryUrl root) {
        return new LockedPackage(version, resolved, integrity, dependencies, Optional.of(root));
    }

    /** Whether the entry records that the registry at {@code root} gave it ({@link #registry}). */
    public boolean recordsRegistry(RegistryUrl root) {
        return registry.filter(root::equals).isPresent();
    }

    // written out for start-up time, as PackageName's: a warm install compares the lock it read with the one it plans
    @Override
    public boolean equals(Object other) {
        return other instanceof LockedPackage that && version.equals(that.version) && resolved.equals(that.resolved)
                && integrity.equals(that.integrity) && dependencies.equals(that.dependencies)
                && registry.equals(that.registry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, resolved, integrity, dependencies, registry);
    }
}
