package io.prompd.client.install.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.Integrity;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What prompd.lock records of a tarball URL: all but a signature and its fragment. */
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

    private static LockedPackage locking(String url) {
        return new LockedPackage(Version.parse("1.0.0"), URI.create(url), Integrity.of(new byte[0]), new TreeMap<>());
    }
}
