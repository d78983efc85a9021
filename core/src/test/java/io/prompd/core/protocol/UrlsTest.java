package io.prompd.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void aFileUrlMadeByResolvingIsWrittenAsEncodedAsItIsWhateverWasAskedOfItFirst() {
        String index = "file:///srv/it%27s%20%C3%BC/packages/@t/h/index.json";
        String tarball = "file:///srv/it%27s%20%C3%BC/packages/@t/h/-/h-1.0.0.tgz";

        assertEquals(tarball, Urls.written(URI.create(index).resolve("-/h-1.0.0.tgz")));
        URI shownFirst = URI.create(index).resolve("-/h-1.0.0.tgz");
        assertEquals("file:/srv/it%27s%20%C3%BC/packages/@t/h/-/h-1.0.0.tgz", shownFirst.toString());
        assertEquals(tarball, Urls.written(shownFirst));
    }

    @Test
    void onlyAFileUrlWithAnAbsolutePathGetsItsThreeSlashes() {
        assertEquals("file:///srv/r/a#x", Urls.written(URI.create("file:/srv/r/a#x")));
        assertEquals("file://host/r/", Urls.written(URI.create("file://host/r/")));
        assertEquals("https://h.example/a%27b/", Urls.written(URI.create("https://h.example/a%27b/")));
        assertEquals("-/h-1.0.0.tgz", Urls.written(URI.create("-/h-1.0.0.tgz")));
    }
}
