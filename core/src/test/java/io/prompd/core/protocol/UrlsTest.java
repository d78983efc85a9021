package io.prompd.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    /** A '..' above the root is dropped, as a browser drops it, rather than kept in the path fetched and locked. */
    @Test
    void aReferenceGoingAboveTheRootStaysAtTheRootAsABrowserReadsIt() {
        URI index = URI.create("http://127.0.0.1:8080/packages/x/index.json");

        assertEquals(URI.create("http://127.0.0.1:8080/tmp/x.tgz?a=1#f"),
                Urls.resolve(index, "../../../../../tmp/x.tgz?a=1#f"));
        assertEquals(URI.create("http://127.0.0.1:8080/"), Urls.resolve(index, "../../.."));
        assertEquals(URI.create("file:///srv/reg/tmp/x.tgz"),
                Urls.resolve(URI.create("file:///srv/reg/packages/x/index.json"), "../../tmp/x.tgz"));
        assertEquals(URI.create("file:///tmp/x.tgz"),
                Urls.resolve(URI.create("file:///srv/reg/packages/x/index.json"), "../../../../../../tmp/x.tgz"));
        assertEquals(URI.create("http://127.0.0.1:8080/x.tgz?q=%2e%2e"),
                Urls.resolve(index, "%2e%2e/%2E%2E/%2e./../x.tgz?q=%2e%2e"), "a dot written %2e is a dot");
        assertEquals(URI.create("http://127.0.0.1:8080/packages/x/-/x-1.0.0.tgz"),
                Urls.resolve(index, "-/x-1.0.0.tgz"), "a reference within the registry is as URI reads it");
    }

    @Test
    void aFileUrlMadeByResolvingIsWrittenAsEncodedAsItIsWhateverWasAskedOfItFirst() {
        String index = "file:///srv/it%27s%20%C3%BC/packages/@t/h/index.json";
        String tarball = "file:///srv/it%27s%20%C3%BC/packages/@t/h/-/h-1.0.0.tgz";

        assertEquals(tarball, Urls.written(URI.create(index).resolve("-/h-1.0.0.tgz")));
        URI shownFirst = URI.create(index).resolve("-/h-1.0.0.tgz");
        assertEquals("file:/srv/it%27s%20%C3%BC/packages/@t/h/-/h-1.0.0.tgz", shownFirst.toString());
        assertEquals(tarball, Urls.written(shownFirst));
    }

    @ParameterizedTest
    @CsvSource({
        "http://h:8080/r\u00e9gistry/x.tgz,        http://h:8080/r%C3%A9gistry/x.tgz",
        "http://h/r%c3%a9gistry/x.tgz,            http://h/r%C3%A9gistry/x.tgz",
        "http://h/r%C3%A9gistry/x.tgz,            http://h/r%C3%A9gistry/x.tgz",
        "https://h/\u65e5/x?q=\u00e9#%c3,          https://h/%E6%97%A5/x?q=\u00e9#%c3",
        "file:///srv/\u00f6ut/,                   file:///srv/%C3%B6ut/",
        "file:/srv/\u00f6ut/,                     file:/srv/%C3%B6ut/",
        "-/r\u00e9-1.0.0.tgz,                     -/r%C3%A9-1.0.0.tgz",
        "//h/\u00e9/x.tgz,                        //h/%C3%A9/x.tgz",
        "mailto:\u00e9@h,                         mailto:\u00e9@h",
        "https://h/%41cme/%7e%5f%2D%30/x.tgz,     https://h/Acme/~_-0/x.tgz",
        "https://h/%2e%2E/%2f/%25/%20/,          https://h/%2E%2E/%2F/%25/%20/",
    })
    void aUrlIsSentWithItsPathInAsciiEscapedOnceWithUpperCaseDigits(String written, String sent) {
        assertEquals(sent, Urls.asSent(URI.create(written)).toString());
    }

    @Test
    void aUserPartIsLeftOutUpToTheLastAtSignOfTheAuthorityEvenWhereUriReadsNone() {
        assertEquals("http://127.0.0.1:18165/r/", Urls.display(URI.create("http://u:SEC@RET@127.0.0.1:18165/r/")));
        assertEquals("http://bad_host/r/?…", Urls.display(URI.create("http://u:SECRET@bad_host/r/?x")));
        assertEquals("http://bad_host/r/?…#…", Urls.display(URI.create("http://bad_host/r/?x#y")));
        assertEquals("https://h.example:8443/a@b/", Urls.display(URI.create("https://u:p@h.example:8443/a@b/")));
        assertEquals("https://h.example/a@b/", Urls.display(URI.create("https://h.example/a@b/")));
    }

    /**
     * A URL that does not read, or reads as a path or an opaque URL, was quoted as it was written, password and query
     * and all: its user part is masked in any shape a user may mistype, and its query and fragment hidden.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http//bob:S3CR3T@127.0.0.1:25302/        | http//***@127.0.0.1:25302/",
            "//bob:S3CR3T@127.0.0.1:25302/            | //***@127.0.0.1:25302/",
            "bob:S3CR3T@127.0.0.1:25302               | ***@127.0.0.1:25302",
            "bob:S3/CR3T@127.0.0.1:25302/x?t=S3CR3T   | ***@127.0.0.1:25302/x?…",
            "credentials.http//u:S3CR3T@h/            | credentials.http//***@h/",
            "http://host/?token=S3CR3T                | http://host/?…",
            "http://host/#S3CR3T                      | http://host/#…",
            "http://u:S3CR3T@host/a b?t=S3CR3T#f      | http://***@host/a b?…#…",
            "https://ci:S3?CR#3T@host/                | https://***@host/",
            "scopes.@acme                             | scopes.@acme",
            "./registries/@acme/                      | ./registries/@acme/",
            "file:/srv/reg@2/                         | file:/srv/reg@2/",
            "file:///srv/reg@2/?x                     | file:///srv/reg@2/?…",
            "unknown?field                            | unknown?field"})
    void aUrlIsShownWithItsUserPartMaskedAndItsQueryHiddenWhetherOrNotItReads(String written, String shown) {
        assertEquals(shown, Urls.shown(written));
    }

    @Test
    void aUrlThatUriReadsWithoutAnAuthorityIsDisplayedWithItsUserPartMasked() {
        assertEquals("***@127.0.0.1:25302", Urls.display(URI.create("bob:S3CR3T@127.0.0.1:25302")));
        assertEquals("http//***@127.0.0.1:25302/", Urls.display(URI.create("http//bob:S3CR3T@127.0.0.1:25302/")));
        assertEquals("file:///srv/reg@2/a#…", Urls.display(URI.create("file:/srv/reg@2/a#x")));
    }

    @Test
    void onlyAFileUrlWithAnAbsolutePathGetsItsThreeSlashes() {
        assertEquals("file:///srv/r/a#x", Urls.written(URI.create("file:/srv/r/a#x")));
        assertEquals("file://host/r/", Urls.written(URI.create("file://host/r/")));
        assertEquals("https://h.example/a%27b/", Urls.written(URI.create("https://h.example/a%27b/")));
        assertEquals("-/h-1.0.0.tgz", Urls.written(URI.create("-/h-1.0.0.tgz")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://alice:pw@127.0.0.1:18402/     | http://***@127.0.0.1:18402/",
            "https://a@b@host/x@y?q=@#@           | https://***@host/x@y?q=@#@",
            "http://alice:p w@host                | http://***@host",
            "https://host/a@b                     | https://host/a@b",
            "credentials.http://u:p@h/x           | credentials.http://***@h/x",
            "company                              | company"})
    void aUserPartIsMaskedUpToTheLastAtSignOfTheAuthorityInATextThatMayNotParse(String written, String shown) {
        assertEquals(shown, Urls.withUserPartMasked(written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://ci:Xk9/Qz+Tok3n==@127.0.0.1:18321/ | https://***@127.0.0.1:18321/",
            "https://ci:Xk9?Qz@host/r/                  | https://***@host/r/",
            "https://ci:Xk9#Qz@host                     | https://***@host",
            "http://u:p@s/s@host:1/a@b                  | http://***@b",
            "credentials.https://u:p/w@h/               | credentials.https://***@h/",
            "https://u:p@host/                          | ",
            "https://host/a                             | ",
            "file:///srv/a@b/                           | ",
            "company@example                            | "})
    void aUserPartHoldingWhatEndsTheAuthorityIsMaskedUpToTheLastAtSignPastIt(String written, String shown) {
        assertEquals(Optional.ofNullable(shown), Urls.withUnescapedUserPartMasked(written));
        assertEquals(shown == null ? Urls.withUserPartMasked(written) : shown, Urls.shown(written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://ci:p@ss@127.0.0.1:18329   | http://ci:p%40ss@127.0.0.1:18329",
            "http://a@b:c@d@host/x@y          | http://a%40b:c%40d@host/x@y",
            "http://ci:pass@host/             | http://ci:pass@host/",
            "http://host/x@y                  | http://host/x@y",
            "host:3128                        | host:3128"})
    void everyAtSignOfTheAuthorityButTheLastIsEscapedSoThatUriReadsTheUserPartAsCurlDoes(String written,
                                                                                      String escaped) {
        assertEquals(escaped, Urls.withUserPartEscaped(written));
    }
}
