package io.prompd.client.install.lock;

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
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One package version as {@code prompd.lock} pins it: enough to install it again without asking
 * the registry anything.
 *
 * @param version      the chosen version
 * @param resolved     the tarball's absolute URL, without user information, so no credential is ever written, and
 *                     without the query parameters of a signature or a credential and its fragment, which may hold
 *                     one too (a pre-signed URL's): the lock is committed, and a download takes the URL with its
 *                     signature from the registry's index; the rest of the query is kept, as it may be what tells one
 *                     tarball from another ({@code /dl?f=x-1.0.0.tgz}); its path as {@link Urls#pathAsSent} writes it
 * @param integrity    the tarball's integrity, checked before anything is unpacked
 * @param dependencies what this version declares, to check the lock still holds without the registry
 */
public record LockedPackage(Version version, URI resolved, Integrity integrity,
                            SortedMap<PackageName, VersionRange> dependencies) {

    /**
     * The query parameters, in {@linkplain #canonical canonical form}, of the signatures that pre-signed URLs carry, or
     * of the credentials they are made with: AWS's (SigV2's {@code AWSAccessKeyId}, {@code Signature},
     * {@code Expires}), CloudFront's ({@code Policy}, {@code Key-Pair-Id}), Google Cloud Storage's V2
     * ({@code GoogleAccessId}), an Azure SAS token's fields, all of them signed with it ({@code sv}, {@code sp},
     * {@code se}, {@code sig}, …), an access key's ({@code access_key}), a password's ({@code auth}), a bearer
     * token's, as a CDN or an API gateway takes one ({@code jwt}, {@code bearer}, {@code authorization}), Akamai's
     * token authentication's ({@code hdnts}, {@code hdnea}), Alibaba Cloud CDN's ({@code auth_key}) and a
     * credential's by that name ({@code credential}, {@code credentials}); none
     * addresses a tarball, and each is of one download only or a secret, which neither a lock, committed, nor a
     * message, read by whoever gets the output (a CI log), may hold. The names of a token's, a secret's, a password's
     * and an API key's are too many to list, each host spelling them its own way, so those are known by a word they
     * hold ({@link #CREDENTIAL_WORDS}).
     */
    private static final Set<String> SIGNING = Set.of("awsaccesskeyid", "signature", "expires", "policy",
            "keypairid", "googleaccessid", "sv", "ss", "srt", "sp", "se", "st", "spr", "sip", "sr", "sig", "si",
            "sdd", "skoid", "sktid", "skt", "ske", "sks", "skv", "saoid", "suoid", "scid", "ses", "rscc", "rscd",
            "rsce", "rscl", "rsct", "accesskey", "auth", "jwt", "bearer", "authorization", "hdnts", "hdnea", "authkey",
            "credential", "credentials", "pwd", "pass", "session", "sessionid", "sid", "otp", "ticket", "hmac");

    /**
     * What the canonical names of credentials hold, wherever in them, each host spelling them its own way: a token's
     * ({@code token}, {@code access_token}, {@code accessToken}, GitLab's {@code Private-Token}, {@code tokenid}), a
     * secret's or a private key's ({@code client-secret}, {@code secret_key}, {@code aws_secret_access_key},
     * {@code private_key}), a password's ({@code password}, {@code passwd}, {@code passphrase}), an API key's
     * ({@code api_key}, {@code X-Api-Key}, {@code api.key}), a signature's ({@code oauth_signature}) and an assertion's
     * ({@code client_assertion}). A name that addresses a file ({@code f}, {@code file}, {@code path}, {@code name},
     * {@code v}, {@code version}, {@code key}) holds none.
     */
    private static final List<String> CREDENTIAL_WORDS = List.of("token", "secret", "private", "passw", "passphrase",
            "apikey", "signature", "assertion");

    /**
     * The prefixes of the canonical names of AWS SigV4's and Google Cloud Storage V4's query parameters: each of
     * theirs is of the signature ({@code X-Amz-Signature}, {@code -Credential}, {@code -Security-Token},
     * {@code -Date}, {@code -Expires}, {@code -SignedHeaders}, {@code -Algorithm}, and Google's alike).
     */
    private static final List<String> SIGNING_PREFIXES = List.of("xamz", "xgoog");

    /**
     * The query parameters, in canonical form, that are a credential for some hosts and address the file for others: a
     * Google API key or an object's key ({@code /dl?key=x-1.0.0.tgz}), an OAuth code or a file host's code of the
     * file. A message leaves them out, as it may show a secret to whoever reads the output; a lock keeps them, as
     * without one that addresses the tarball it would record the same URL for every tarball of the registry, as an
     * older prompd did without the whole query, and an install from the lock alone would read nothing useful.
     */
    private static final Set<String> SECRET_OR_ADDRESS = Set.of("key", "code");

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
    }

    /**
     * The URL without the query parameters of a signature and without its fragment, the other parameters kept as
     * written and in their order: what a lock records of a tarball URL, which {@link #resolved} says why. An older
     * prompd wrote them, and a lock it wrote is read without them.
     */
    public static URI recordable(URI url) {
        return without(url, LockedPackage::signs);
    }

    /** The URL without its fragment and without the query parameters {@code left} names, the others kept in order. */
    private static URI without(URI url, Predicate<String> left) {
        if (url.getRawQuery() == null && url.getRawFragment() == null) {
            return url;
        }
        String kept = url.getRawQuery() == null ? "" : Arrays.stream(url.getRawQuery().split("&", -1))
                .filter(parameter -> !left.test(parameter)).collect(Collectors.joining("&"));
        return URI.create(withoutQuery(url) + (kept.isEmpty() ? "" : "?" + kept));
    }

    /**
     * Whether this entry's URL stands for the tarball URL a registry's index gives for a version, which is then read in
     * its place, with the signature the lock leaves out: it is that URL as a lock records it ({@link #recordable}), or,
     * for the version the entry locks, as an older prompd recorded it, without its whole query, which locked every
     * tarball addressed by its query ({@code /dl?f=x-1.0.0.tgz}) as the bare {@code /dl}, and whose locks must still
     * install. That form is the same for every version, so it names the tarball only of the entry's own.
     */
    public boolean standsFor(Version of, URI indexed) {
        return recordable(indexed).equals(resolved)
                || of.equals(version) && URI.create(withoutQuery(indexed)).equals(resolved);
    }

    /**
     * A tarball URL as messages name it: as a lock records it ({@link #recordable}), without a signature or a
     * credential, less the parameters that may be a secret as well ({@link #SECRET_OR_ADDRESS}), and without user
     * information, as {@link Urls#display} shows a URL; the rest of its query shown, as {@link Urls#display} does not,
     * since it may be what tells one tarball from another ({@code /dl?f=x-1.0.0.tgz}), and a lock, which is committed,
     * holds it as well.
     */
    public static String display(URI url) {
        URI shown = without(url, parameter -> signs(parameter) || SECRET_OR_ADDRESS.contains(canonical(parameter)));
        return Urls.display(URI.create(withoutQuery(shown)))
                + (shown.getRawQuery() == null ? "" : "?" + shown.getRawQuery());
    }

    private static String withoutQuery(URI url) {
        return Urls.beforeQuery(url.toString());
    }

    /** Whether a query's {@code name=value} is one of a signature or a credential, by its name ({@link #SIGNING}). */
    private static boolean signs(String parameter) {
        String name = canonical(parameter);
        return SIGNING.contains(name) || SIGNING_PREFIXES.stream().anyMatch(name::startsWith)
                || CREDENTIAL_WORDS.stream().anyMatch(name::contains);
    }

    /**
     * The name of a query's {@code name=value}, unescaped, in lower case and without {@code -}, {@code _} and
     * {@code .}: hosts spell one credential's name in each case and with or without any ({@code access_token},
     * {@code access-token}, {@code accessToken}, {@code api.key}), and a name left out in one spelling only is
     * committed in another.
     */
    private static String canonical(String parameter) {
        int equals = parameter.indexOf('=');
        return URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }

    /** This entry with the tarball at another URL: the one its bytes were downloaded from. */
    public LockedPackage withResolved(URI url) {
        return new LockedPackage(version, url, integrity, dependencies);
    }

    // written out for start-up time, as PackageName's: a warm install compares the lock it read with the one it plans
    @Override
    public boolean equals(Object other) {
        return other instanceof LockedPackage that && version.equals(that.version) && resolved.equals(that.resolved)
                && integrity.equals(that.integrity) && dependencies.equals(that.dependencies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, resolved, integrity, dependencies);
    }
}
