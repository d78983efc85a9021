package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryUrlTest {

    @ParameterizedTest
    @CsvSource({
        "https://prompd.example.com,          https://prompd.example.com/",
        "https://prompd.example.com/r,        https://prompd.example.com/r/",
        "HTTPS://Prompd.Example.COM/Reg/,     https://prompd.example.com/Reg/",
        "https://prompd.example.com:443/,     https://prompd.example.com/",
        "http://127.0.0.1:80/a/../b,          http://127.0.0.1/b/",
        "http://127.0.0.1:8080,               http://127.0.0.1:8080/",
        "file:///srv/registry,                file:///srv/registry/",
        "file://localhost/srv/registry/,      file:///srv/registry/",
        "http://127.0.0.1/%2e%2ex/,           http://127.0.0.1/%2E%2Ex/",
        "http://127.0.0.1:18500/régistry/,    http://127.0.0.1:18500/r%C3%A9gistry/",
        "http://127.0.0.1:18500/r%c3%a9gistry,http://127.0.0.1:18500/r%C3%A9gistry/",
        "http://h/r%C3%A9gistry/,             http://h/r%C3%A9gistry/",
        "file:///srv/日本/ü/,                  file:///srv/%E6%97%A5%E6%9C%AC/%C3%BC/",
    })
    void oneRegistryHasOneSpellingEndingWithASlash(String written, String normalized) {
        assertEquals(normalized, RegistryUrl.parse(written).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "prompd.example.com/registry     | absolute http://, https:// or file:///",
        "localhost/registry               | absolute http://, https:// or file:///",
        "ftp://prompd.example.com/        | absolute http://, https:// or file:///",
        "https:prompd.example.com         | no path starting with '/'",
        "file://srv/registry              | three slashes",
        "https:///registry                | names no host",
        "https://me:secret@example.com/   | log in instead, with --registry naming this registry",
        "https://example.com/?key=1       | cannot have a query",
        "https://example.com/#top         | cannot have a fragment ('#...')",
        "file:///tmp/c#/                  | cannot have a fragment ('#...'); write a folder's '#' as %23, as in"
                + " file:///tmp/c%23/",
        "file:///tmp/a?b#c                | cannot have a query ('?...'); a registry URL cannot have a"
                + " fragment ('#...');"
            + " write a folder's '?' as %3F and '#' as %23, as in file:///tmp/a%3Fb%23c/",
        "file:///tmp/100%/                | '%/' at position 16 is no escape: '%' is followed by two hexadecimal digits"
            + " (write '%' itself as %25), as in file:///tmp/100%25/",
        "https://exa mple.com/            | the host name holds a space, which no host name can",
        "https://example.com/a b/         | a URL holds no spaces: write each as %20, as in https://example.com/a%20b/",
        "file:///tmp/reg A/               | as in file:///tmp/reg%20A/",
        "file:///tmp/a{b}5%/              | write it as %7B, as in file:///tmp/a%7Bb%7D5%25/",
        "http://127.0.0.1:8080/%zz/       | '%zz' at position 23 is no escape",
        "My Projects                      | invalid registry URL: use an absolute http://, https:// or file:/// URL",
        "127.0.0.1:8802                   | it has no scheme; write http://127.0.0.1:8802/",
        "localhost:8802/r/                | it has no scheme; write http://localhost:8802/r/",
        "https://example.com/a<b/         | the character '<' at position 22 cannot stand there (Illegal character in"
                + " path): write it as %3C, as in https://example.com/a%3Cb/",
        "https://exa<mple.com/            | the character '<' at position 12 cannot stand there (Illegal character in"
                + " authority)",
        "http://a^b/                      | the character '^' at position 9 cannot stand there",
        "http://a.example:80^/            | the character '^' at position 20 cannot stand there",
        "http://[::1^]/                   | the character '^' at position 12 cannot stand there",
        "http://127.0.0.1:99999/          | 'http://127.0.0.1:99999/': the port 99999 is out of range: use 1 to 65535",
        "http://127.0.0.1:0/              | the port 0 is out of range",
        "http://127.0.0.1:abc/            | the port 'abc' is not a number from 1 to 65535",
        "https://héllo.example/           | the host name 'héllo.example' is not ASCII: write it in its punycode"
                + " form, xn--hllo-bpa.example",
        "http://a_b.example/              | the host name 'a_b.example' is not valid",
        "http://h/%2e%2e/                 | the path segment '%2e%2e' is '..' written with %2e, which a server reads as"
                + " that dot segment though the URL does not: write the path without it",
        "http://h/a/%2E%2E/b/             | the path segment '%2E%2E' is '..' written with %2e",
        "http://h/%2E./                   | the path segment '%2E.' is '..'",
        "http://h/.%2e                    | the path segment '.%2e' is '..'",
        "file:///srv/%2e/registry/        | the path segment '%2e' is '.'",
        "file:///srv/x/..%2fpublic/       | the path holds '%2f', a '/' written encoded, which the file system or a"
                + " server reads as a folder separator",
        "http://h/x%2F..%2Fpublic/        | the path holds '%2F', a '/' written encoded",
        "http://h/a%5c../                 | the path holds '%5c', a '\\' written encoded",
    })
    void aRegistryUrlMustBeAbsoluteAndPlain(String written, String reason) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse(written));
        assertTrue(invalid.getMessage().contains(reason), invalid.getMessage());
    }

    @Test
    void aCharacterAHostCannotHoldIsTheOneNamed() {
        IllegalArgumentException quote = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse("https://my\"registry.example.com/"));
        assertEquals("invalid registry URL: the character '\"' at position 11 cannot stand there (Illegal character in"
                + " authority)", quote.getMessage());

        IllegalArgumentException afterUser = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse("http://bob:pw@a^b/"));
        assertTrue(afterUser.getMessage().endsWith("the character '^' at position 16 cannot stand there (Illegal"
                + " character in authority)"), afterUser.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///tmp/q \"d\" dir/", "file:///tmp/q\"d\"/", "file:///tmp/it's ü/",
            "file:///tmp/a|b^c`/",
        "http://127.0.0.1:8080/a b/%41/", "file:///tmp/f6 #1/reg/", "file:///tmp/a b?/c%41 100%/", "file:///tmp/a [b]/",
        "file:///tmp/c#1/", "file:///tmp/a?b#c/", "file:///tmp/a[b]/", "file:///tmp/100%/", "http://h/100%/"})
    void theUrlAHintSuggestsIsOneThatParses(String written) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse(written));
        String suggested = invalid.getMessage()
                .substring(invalid.getMessage().lastIndexOf(", as in ") + ", as in ".length());

        assertEquals(suggested, RegistryUrl.parse(suggested).toString(), invalid.getMessage());
    }

    @Test
    void aUrlWithSpacesAndQuotesIsSuggestedWithBothEscaped() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse("file:///tmp/q \"d\" ü/"));
        assertEquals("invalid registry URL: a URL holds no spaces: write each as %20, and each other character a URL"
                + " cannot hold as its %-escape, as in file:///tmp/q%20%22d%22%20%C3%BC/", invalid.getMessage());
    }

    @Test
    void aFileUrlIsSuggestedWithTheHashQuestionMarkAndPercentOfItsFolderEscaped() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse("file:///tmp/f6 #1/a?b%41/"));
        assertEquals("invalid registry URL: a URL holds no spaces: write each as %20, and each other character a URL"
                + " cannot hold as its %-escape, as in file:///tmp/f6%20%231/a%3Fb%2541/", invalid.getMessage());
    }

    @Test
    void aUrlWithAPasswordIsRefusedWithoutRepeatingThePassword() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> new RegistryUrl(java.net.URI.create("https://me:s3cr3t@example.com/")));
        assertTrue(invalid.getMessage().contains("user or password"), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("s3cr3t"), invalid.getMessage());
    }

    @Test
    void aRefusedUrlIsQuotedWithItsUserPartMaskedAndItsQueryAndFragmentHidden() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse("http://user:secret@127.0.0.1:18093/?token=secret#frag=secret"));
        assertEquals("invalid registry URL 'http://***@127.0.0.1:18093/?…#…': the URL holds a user or"
                + " password; remove"
                + " it and log in instead, with --registry naming this registry; a registry URL cannot"
                + " have a query ('?...'); a"
                + " registry URL cannot"
                + " have a fragment ('#...')", invalid.getMessage());
    }

    /**
     * The user part ends at the authority's last '@', as WHATWG URL and curl read it, where URI takes none that holds
     * an '@' or comes before a host it finds invalid, or a character it stops at: whatever else is wrong is named
     * of the URL with its user part masked.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "http://u:SEC@RET@127.0.0.1:18165/    | 'http://***@127.0.0.1:18165/': the URL holds a user or"
                + " password; remove it"
            + " and log in instead, with --registry naming this registry",
        "http://u:p@SEC:w@RET@127.0.0.1:18165/ | 'http://***@127.0.0.1:18165/': the URL holds a user or password",
        "http://u:SECRET@bad_host/            | 'http://***@bad_host/': the host name 'bad_host' is not"
                + " valid: use letters"
            + " a-z, digits, '-' and '.'; the URL holds a user or password",
        "http://u:SEC@RET@bad_host/?q#f       | 'http://***@bad_host/?…#…': the host name 'bad_host' is not valid",
        "http://u:SECRET@127.0.0.1:abc/       | 'http://***@127.0.0.1:abc/': the port 'abc' is not a number",
        "http://u:SECRET@/                    | 'http://***@/': the URL names no host; the URL holds a"
                + " user or password",
        "http://u:SEC RET@127.0.0.1:18165/    | 'http://***@127.0.0.1:18165/': the URL holds a user or password",
        "http://u:SEC{RET@127.0.0.1:18165/    | 'http://***@127.0.0.1:18165/': the URL holds a user or password",
        "http://u:SEC%zzRET@127.0.0.1:18165/  | 'http://***@127.0.0.1:18165/': the URL holds a user or password",
        "http://u:SEC<RET@host/a<b/           | : the URL holds a user or password; remove it and log in instead,"
            + " with --registry naming this registry; the character '<' at position 24 cannot stand there"
            + " (Illegal character in path): write it as %3C",
        "http://u:SEC@RET@host/%zz/           | : the URL holds a user or password; remove it and log in instead,"
            + " with --registry naming this registry; '%zz' at position 23 is no escape",
        "http://u:SECRET@exa mple/            | : the URL holds a user or password; remove it and log in instead,"
            + " with --registry naming this registry; the host name holds a space, which no host name"
            + " can",
    })
    void aUrlWhoseUserPartJavaCannotReadIsRefusedForItWithoutQuotingIt(String written, String refused) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse(written));

        assertTrue(invalid.getMessage().startsWith("invalid registry URL" + (refused.startsWith(":") ? "" : " ")
                + refused), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("SEC") || invalid.getMessage().contains("RET"), invalid.getMessage());
    }

    /**
     * A '/', '?' or '#' in a password ends the authority as every URL reader takes it, so the piece before it reads as
     * host and port, and the rest as the path: the message masks all up to the last '@' and names the escapes to
     * write, rather than blaming a port made of the password.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://ci:SEC/RET==@127.0.0.1:18321/ | https://***@127.0.0.1:18321/",
        "https://ci:SEC?RET@127.0.0.1:18321/   | https://***@127.0.0.1:18321/",
        "https://ci:SEC#RET@127.0.0.1:18321/r/ | https://***@127.0.0.1:18321/r/",
        "https://ci:SEC/R@ET@127.0.0.1:18321/  | https://***@127.0.0.1:18321/"})
    void aUserPartHoldingACharacterThatEndsTheAuthorityIsMaskedToItsLastAtSignAndNamedForIt(String written,
                                                                                         String shown) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse(written));

        assertEquals("invalid registry URL '" + shown + "': the URL's user or password holds a character that must"
                + " be percent-escaped ('/' as %2F, '?' as %3F, '#' as %23, '@' as %40); the URL holds a user or"
                + " password; remove it and log in instead, with --registry naming this registry",
                invalid.getMessage());
        assertFalse(invalid.getMessage().contains("SEC") || invalid.getMessage().contains("RET"), invalid.getMessage());
    }

    @Test
    void anAtSignInThePathOfAUrlThatReadsIsNoUserPart() {
        assertEquals("https://cdn.example/gh/acme/registry@main/",
                RegistryUrl.parse("https://cdn.example/gh/acme/registry@main/").toString());
        assertEquals("file:///srv/me@work/registry/", RegistryUrl.parse("file:///srv/me@work/registry").toString());
    }

    @Test
    void aUrlWithoutSchemeIsQuotedWithItsQueryHidden() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse("localhost:8080/r/?token=secret"));
        assertEquals("invalid registry URL 'localhost:8080/r/?…': it has no scheme; write"
                + " http://localhost:8080/r/?…,"
                + " or https:// for a registry served over TLS", invalid.getMessage());
    }

    @Test
    void aRegistryInAFolderIsOneWithAFileUrl() {
        assertTrue(RegistryUrl.parse("file:///srv/registry").isFolder());
        assertFalse(RegistryUrl.parse("https://example.com/").isFolder());
    }

    /**
     * As npm scopes a registry's credentials: the same scheme, host and port, and a path below the registry's at a
     * '/', as a server reads it, which may decode a dot segment or a separator written encoded, or take a dot segment
     * with parameters for one, where URI normalization does not.
     */
    @ParameterizedTest
    @CsvSource({
        "https://r.example/reg, https://r.example/reg/x.tgz,              true",
        "https://r.example/reg, HTTPS://R.Example:443/reg/x.tgz,          true",
        "https://r.example/reg, https://r.example/reg/,                   true",
        "https://r.example/reg, https://r.example/reg/a/../x.tgz,         true",
        "https://r.example/reg, https://r.example/reg/a%20b/x.tgz,        true",
        "https://r.example/régistry, https://r.example/régistry/x.tgz,    true",
        "https://r.example/régistry, https://r.example/r%c3%a9gistry/x,   true",
        "https://r.example/r%C3%A9gistry, https://r.example/régistry/x,   true",
        "https://r.example/régistry, https://r.example/registry/x.tgz,    false",
        "https://r.example/reg, https://r.example/registry/x.tgz,         false",
        "https://r.example/reg, https://r.example/reg,                    false",
        "https://r.example/reg, https://r.example/Reg/x.tgz,              false",
        "https://r.example/reg, https://r.example/other/x.tgz,            false",
        "https://r.example/reg, https://r.example/reg/../other/x.tgz,     false",
        "https://r.example/reg, https://r.example/reg/%2e%2e/other/x.tgz, false",
        "https://r.example/reg, https://r.example/reg/.%2E/other/x.tgz,   false",
        "https://r.example/reg, https://r.example/reg/..%2Fother/x.tgz,   false",
        "https://r.example/reg, https://r.example/reg/..%5cother/x.tgz,   false",
        "https://r.example/reg, https://r.example/reg/..;/other/x.tgz,    false",
        "https://r.example/reg, https://r.example/reg/..;x/other/x.tgz,   false",
        "https://r.example/reg, http://r.example/reg/x.tgz,               false",
        "https://r.example/reg, https://r.example:8443/reg/x.tgz,         false",
        "https://r.example/reg, https://other.example/reg/x.tgz,          false",
        "https://r.example/reg, https://r.example.evil/reg/x.tgz,         false",
        "https://r.example/reg, file:///reg/x.tgz,                        false",
        "https://r.example/reg, reg/x.tgz,                                false",
        "file:///srv/reg/,      file:///srv/reg/x.tgz,                    true",
        "file:///srv/reg/,      file://localhost/srv/reg/x.tgz,           true",
        "file:///srv/reg/,      file:/srv/reg/x.tgz,                      true",
        "file:///srv/reg/,      file:///srv/registry/x.tgz,               false",
        "file:///srv/reg/,      file:///srv/reg/%2e%2e/x.tgz,             false",
        "file:///srv/reg/,      file://host/srv/reg/x.tgz,                false",
        "file:///srv/reg/,      http://localhost/srv/reg/x.tgz,           false",
    })
    void aRegistryHoldsTheUrlsBelowItsPathAsAServerReadsThem(String registry, String url, boolean held) {
        assertEquals(held, RegistryUrl.parse(registry).holds(URI.create(url)), url);
    }

    @Test
    void documentsResolveBeneathTheRoot() {
        assertEquals("https://example.com/reg/packages/@a/b/index.json",
                RegistryUrl.parse("https://example.com/reg").resolve("packages/@a/b/index.json").toString());
    }

    @Test
    void aReferenceWithAColonIsAUrlAndOtherwiseAName() {
        assertInstanceOf(RegistryUrl.class, RegistryRef.parse("file:///srv/registry"));
        assertInstanceOf(RegistryName.class, RegistryRef.parse("work"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/srv/registry  | file:///srv/registry/",
        "./out/         | file:///work/base/out/",
        "../site/out    | file:///work/site/out/",
        "reg A          | file:///work/base/reg%20A/",
        "target/example/registry/ | file:///work/base/target/example/registry/",
        "My Projects/#1/reg | file:///work/base/My%20Projects/%231/reg/",
        ".              | file:///work/base/",
    })
    void aFolderGivenAsAPathIsAnsweredWithItsAbsoluteFileUrl(String path, String url) {
        String written = path.equals("reg A") ? "./reg A" : path;
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse(written, Path.of("/work/base")));
        assertEquals("invalid registry URL '" + written + "': a registry in a folder is given by its file:// URL: "
                + url,
                invalid.getMessage());
    }

    /** A folder that exists is one, even with a name a host could have, or one a URL would read a fragment in. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "registry.example.com/prompd | registry.example.com/prompd/",
        "reg #1                      | reg%20%231/",
        "registry                    | registry/",
    })
    void aRelativeTextNamingAFolderIsAnsweredWithItsFileUrl(String folder, String url, @TempDir Path work)
            throws IOException {
        Files.createDirectories(work.resolve(folder));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse(folder, work));
        assertEquals("invalid registry URL '" + folder + "': a registry in a folder is given by its file:// URL: "
                + work.toUri() + url, invalid.getMessage());
    }

    @Test
    void aRelativePathIsNoRegistryName() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryRef.parse("target/registry"));
        assertTrue(invalid.getMessage().startsWith("invalid registry URL 'target/registry': a registry in a folder is"
                + " given by its file:// URL: file:///"), invalid.getMessage());
    }

    @Test
    void aFolderInTheHomeIsAnsweredWithAFileUrlTheShellCompletes() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> RegistryRef.parse("~/mirror"));
        assertTrue(invalid.getMessage().endsWith("its file:// URL: file://$HOME/mirror/"), invalid.getMessage());
    }

    /** Every URL a configuration holds ends with '/': one saved before the rule is read, for the command replacing it. */
    @Test
    void aUrlOfAFileWrittenAsAFolderIsTakenAsItIsWritten(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("registry.json"), "{}");
        String stored = site.toUri() + "registry.json/";

        assertEquals(stored, RegistryUrl.parse(stored).toString());
        IllegalArgumentException written = assertThrows(IllegalArgumentException.class,
                () -> RegistryUrl.parse(site.toUri() + "registry.json"));
        assertTrue(written.getMessage().endsWith("give the folder's URL, " + site.toUri()), written.getMessage());
    }
}
