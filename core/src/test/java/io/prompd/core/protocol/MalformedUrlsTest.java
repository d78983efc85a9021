package io.prompd.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedUrlsTest {

    /** The position counts in the text as a message quotes it, its user part masked: {@code shown} here. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://a^b/                        | http://a^b/              | illegal character in authority at position 9",
        "https://deploy:s3cr3t@r.acme test/ | https://***@r.acme test/ | illegal character in authority at position 19",
        // a user part shorter than the mask moves the rest the other way
        "http://a@h^x/                      | http://***@h^x/          | illegal character in authority at position 13",
        // masked as it ends past the authority, at its '/'
        "https://u:p/w@h st/                | https://***@h st/        | illegal character in path at position 14",
        "ht!tp://u:pw@h/ | ht!tp://***@h/ | illegal character in scheme name at position 3",
        // in the user part, where no character shows
        "http://us^er:pw@h/                 | http://***@h/            | illegal character in authority",
        // the parser names no character
        "http://[::1%]/                     | http://[::1%]/           | scope id expected",
        "https://d:pw@[::1%]/               | https://***@[::1%]/      | scope id expected",
    })
    void theReasonPointsAtTheCharacterInTheTextAsShown(String written, String shown, String reason) {
        URISyntaxException malformed = assertThrows(URISyntaxException.class, () -> new URI(written));

        assertEquals(shown, Urls.shown(written));
        assertEquals(reason, MalformedUrls.reason(written, malformed));
    }

    /** %20 mends a space past the host, and none in a host name, which the reason already points at. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://x/a b/      | illegal character in path at position 11: write a space as %20",
        "file:///a b/       | illegal character in path at position 10: write a space as %20",
        "https://h/a?q=a b  | illegal character in query: write a space as %20",
        "https://r.acme t/  | illegal character in authority at position 15",
        // the first space, in the host, is what the reason points at
        "https://a b/c d    | illegal character in authority at position 10",
    })
    void aSpaceIsToBeWrittenAsAnEscapeOnlyPastTheHost(String written, String reason) {
        URISyntaxException malformed = assertThrows(URISyntaxException.class, () -> new URI(written));

        assertEquals(reason, MalformedUrls.reasonWithSpaceAdvice(written, malformed));
    }
}
