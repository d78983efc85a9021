package io.prompd.client.install.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.Integrity;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What prompd.lock records of a tarball URL: its query parameters that address a file, not its fragment. */
class LockedPackageTest {

    private static String recorded(String url) {
        return LockedPackage.recordable(URI.create(url)).toString();
    }

    /** The lock recorded the bare /dl of every package, and a download from the lock alone read nothing useful. */
    @Test
    void aQueryAddressingTheTarballIsKept() {
        assertEquals("https://r.test/dl?f=packages/@t/x/-/x-1.0.0.tgz&v=2",
                recorded("https://r.test/dl?f=packages/@t/x/-/x-1.0.0.tgz&v=2#part"));
        assertEquals("https://r.test/x.tgz", recorded("https://r.test/x.tgz#part"));
    }

    @Test
    void theParametersOfEachKindOfPreSignedUrlAreLeftOutTheOthersKeptInTheirOrder() {
        assertEquals("https://b.s3.test/x.tgz?versionId=3&response-content-type=x", recorded("https://b.s3.test/x.tgz"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&versionId=3&X-Amz-Credential=AK%2F20261207&X-Amz-Date=20261207T0"
                + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Security-Token=T&response-content-type=x"
                + "&X-Amz-Signature=abc"));
        assertEquals("https://b.s3.test/x.tgz", recorded("https://b.s3.test/x.tgz?AWSAccessKeyId=AK&Expires=1"
                + "&Signature=abc"));
        assertEquals("https://storage.test/b/x.tgz?generation=7", recorded("https://storage.test/b/x.tgz"
                + "?x-goog-algorithm=GOOG4-RSA-SHA256&x-goog-credential=sa&generation=7&x-goog-signature=abc"
                + "&GoogleAccessId=sa"));
        assertEquals("https://cdn.test/x.tgz", recorded("https://cdn.test/x.tgz?Expires=1&Policy=p&Signature=s"
                + "&Key-Pair-Id=K"));
        assertEquals("https://acct.blob.test/c/x.tgz?comp=blob", recorded("https://acct.blob.test/c/x.tgz"
                + "?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-08T00%3A00%3A00Z&st=2026-12-07&spr=https&comp=blob"
                + "&sr=b&skoid=o&sktid=t&sig=abc%3D"));
        assertEquals("https://git.test/raw/x.tgz", recorded("https://git.test/raw/x.tgz?token=T"));
    }

    @Test
    void aNameIsKnownInAnyLetterCaseAndEscapedAndAValuelessOrEmptyPartIsKept() {
        assertEquals("https://r.test/x.tgz?raw&&f=1", recorded("https://r.test/x.tgz?x-amz-SIGNATURE=a&raw&&SIG=b"
                + "&%53ignature=c&f=1"));
    }

    /**
     * An older prompd locked the index's URL without its whole query: that entry stands for it still, for the version
     * it locks, as that form is every version's.
     */
    @Test
    void aLockedUrlStandsForTheIndexsAsLockedNowOrForItsVersionWithoutItsQuery() {
        URI indexed = URI.create("https://r.test/dl?f=x-1.0.0.tgz&X-Amz-Signature=s#part");
        Version version = Version.parse("1.0.0");

        assertTrue(locking("https://r.test/dl?f=x-1.0.0.tgz").standsFor(version, indexed));
        assertTrue(locking("https://r.test/dl").standsFor(version, indexed));
        assertFalse(locking("https://r.test/dl").standsFor(Version.parse("1.0.1"), indexed));
        assertFalse(locking("https://r.test/dl?f=y-1.0.0.tgz").standsFor(version, indexed));
        assertFalse(locking("https://r.test/dl/x-1.0.0.tgz").standsFor(version, indexed));
    }

    /** Messages name a tarball URL as the lock records it, with no user either, and the rest of its query. */
    @Test
    void aTarballUrlIsShownAsLockedWithoutAUser() {
        assertEquals("https://r.test/dl?f=x-1.0.0.tgz", LockedPackage.display(URI.create(
                "https://u:secret@r.test/dl?f=x-1.0.0.tgz&X-Amz-Signature=s#part")));
        assertEquals("https://r.test/x.tgz", LockedPackage.display(URI.create("https://r.test/x.tgz?sig=s")));
    }

    /**
     * A credential in the query of the index's URL (GitLab's, an API key, a password) was shown in messages, and
     * committed in the lock: neither holds it now.
     */
    @Test
    void aCredentialInTheQueryIsNeitherLockedNorShown() {
        URI url = URI.create("https://git.test/dl?private_token=a&f=x-1.0.0.tgz&job_token=b&api_key=c&ApiKey=d"
                + "&api-key=e&access_key=f&auth=g&password=h&passwd=i&secret=j&client_secret=k");

        assertEquals("https://git.test/dl?f=x-1.0.0.tgz", recorded(url.toString()));
        assertEquals("https://git.test/dl?f=x-1.0.0.tgz", LockedPackage.display(url));
        assertEquals("https://b.s3.test/x.tgz?versionId=3", LockedPackage.display(URI.create("https://b.s3.test/x.tgz"
                + "?X-Amz-Credential=AK&versionId=3&X-Amz-Security-Token=T&x-goog-credential=sa")));
    }

    /**
     * A credential's name in another spelling than the one listed ({@code access-token} for {@code access_token}), or
     * a token's, a secret's or an API key's not listed at all, was committed in the lock and shown in messages: each
     * is known by its name in any case, with or without {@code -} and {@code _}, or by how that ends.
     */
    @ParameterizedTest
    @ValueSource(strings = {"access-token", "access_token", "accessToken", "client-secret", "clientSecret",
            "private-token", "Private-Token", "x-api-key", "X-Api-Key", "api_token", "apitoken", "session_token",
            "sas_token", "jwt", "bearer", "authorization", "Authorization", "key_pair_id", "X_Amz_Signature",
            "db-password", "Sig", "auth_token", "__token__", "hdnts", "hdnea", "auth_key", "X-Goog-Credential",
            "credentials", "secret_key", "private_key", "aws_secret_access_key", "sessionid", "session", "sid",
            "oauth_signature", "tokenid", "pwd", "pass", "api.key", "apikey2", "hmac", "otp", "ticket", "passphrase",
            "client_assertion"})
    void aCredentialInAnySpellingIsNeitherLockedNorShown(String name) {
        URI url = URI.create("https://r.test/dl?f=packages/x-1.0.0.tgz&" + name + "=SECRETVAL");

        assertEquals("https://r.test/dl?f=packages/x-1.0.0.tgz", recorded(url.toString()));
        assertEquals("https://r.test/dl?f=packages/x-1.0.0.tgz", LockedPackage.display(url));
    }

    /** The parameters that address a file are no credential's in any spelling, and the lock and messages keep them. */
    @Test
    void theParametersAddressingAFileAreKept() {
        String url = "https://r.test/dl?f=a&file=b&path=c&name=d&v=1&version=2&file_name=e&object-path=g&versionId=3"
                + "&generation=7&comp=blob&response-content-type=x&id=9&ref=main";

        assertEquals(url, recorded(url));
        assertEquals(url, LockedPackage.display(URI.create(url)));
    }

    /**
     * A key or a code is a credential for some hosts (a Google API key) and addresses the file for others: the lock
     * committed it, whichever it was; neither it nor a message holds it now.
     */
    @Test
    void aKeyOrACodeIsNeitherLockedNorShown() {
        URI url = URI.create("https://r.test/dl?key=AIzaSECRET&v=2&Code=c");

        assertEquals("https://r.test/dl?v=2", recorded(url.toString()));
        assertEquals("https://r.test/dl?v=2", LockedPackage.display(url));
        assertEquals(List.of("key", "Code"), LockedPackage.leftOut(url));
    }

    /**
     * Credentials whose names no list held ({@code subscription-key}, {@code sign}, {@code accessKeyId},
     * {@code sess}) were committed in the lock: a parameter is recorded only when its name is known to address a
     * file, and each one left out but a pre-signed URL's signature is named, a part without a name not shown.
     */
    @Test
    void aParameterNotKnownToAddressAFileIsLeftOutAndNamed() {
        URI url = URI.create("https://r.test/dl/x-1.0.0.tgz?subscription-key=SECRETA&sign=SECRETB&key=AIzaSECRETC"
                + "&accessKeyId=AKIAID&sess=SECRETE&X-Amz-Signature=s&SECRETF");

        assertEquals("https://r.test/dl/x-1.0.0.tgz", recorded(url.toString()));
        assertEquals("https://r.test/dl/x-1.0.0.tgz", LockedPackage.display(url));
        assertEquals(List.of("subscription-key", "sign", "key", "accessKeyId", "sess", LockedPackage.UNNAMED),
                LockedPackage.leftOut(url));
        assertEquals(List.of(), LockedPackage.leftOut(URI.create("https://b.s3.test/x.tgz?versionId=3"
                + "&X-Amz-Credential=AK&X-Amz-Signature=s&sig=abc")), "a signature, as every pre-signed URL has");
    }

    /**
     * A URL whose query lost what may have told its tarball from the others ({@code /dl?key=…}) is recorded alike for
     * every version: it stands for the index's URL of the entry's own version alone.
     */
    @Test
    void aUrlThatLostAParameterStandsForTheIndexsOfItsOwnVersionOnly() {
        LockedPackage locked = locking("https://r.test/dl?v=2");

        assertTrue(locked.standsFor(Version.parse("1.0.0"), URI.create("https://r.test/dl?key=x-1.0.0.tgz&v=2")));
        assertFalse(locked.standsFor(Version.parse("2.0.0"), URI.create("https://r.test/dl?key=x-2.0.0.tgz&v=2")));
        assertTrue(locking("https://r.test/dl?f=x-1.0.0.tgz").standsFor(Version.parse("2.0.0"),
                URI.create("https://r.test/dl?f=x-1.0.0.tgz&X-Amz-Signature=s")), "a signature tells no tarball");
    }

    private static LockedPackage locking(String url) {
        return new LockedPackage(Version.parse("1.0.0"), URI.create(url), Integrity.of(new byte[0]), new TreeMap<>());
    }
}
