package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegrityTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    /** {@code printf hello | openssl dgst -sha512 -binary | base64}. */
    private static final String HELLO_SHA512 =
            "sha512-m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==";

    @Test
    void ofHashesWithSha512AndPrintsAsSri() {
        assertEquals(HELLO_SHA512, Integrity.of(HELLO).toString());
    }

    @Test
    void ofFileHashesItsContentWithTheAlgorithmGiven(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("hello.tgz"), HELLO);
        // more than a read's buffer, so the content is hashed across reads
        byte[] large = new byte[3 * 8192 + 7];
        Arrays.fill(large, (byte) 'x');
        Path largeFile = Files.write(folder.resolve("large.tgz"), large);

        assertEquals(HELLO_SHA512, Integrity.of(Integrity.Algorithm.SHA512, file).toString());
        assertEquals("sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=",
                Integrity.of(Integrity.Algorithm.SHA256, file).toString());
        assertEquals(Integrity.of(large), Integrity.of(Integrity.Algorithm.SHA512, largeFile));
        assertThrows(IOException.class, () -> Integrity.of(Integrity.Algorithm.SHA512, folder.resolve("missing")));
    }

    @Test
    void parseReadsWhatToStringWrites() {
        Integrity parsed = Integrity.parse(HELLO_SHA512);

        assertEquals(Integrity.Algorithm.SHA512, parsed.algorithm());
        assertEquals(HELLO_SHA512, parsed.toString());
        assertTrue(parsed.matches(HELLO));
        assertTrue(parsed.matches(Integrity.of(HELLO)));
        assertFalse(parsed.matches("hellO".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsSha256AndGivesHex() {
        Integrity sha256 = Integrity.parse("sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");

        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", sha256.hex());
        assertTrue(sha256.matches(HELLO));
        assertFalse(sha256.matches(Integrity.of(HELLO)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha512", "md5-XUFAKrxLKna5cZ2REBfFkg==", "sha512-not base64!", "sha512-AAAA"})
    void parseRejectsWhatIsNotOneSriHash(String text) {
        assertThrows(IllegalArgumentException.class, () -> Integrity.parse(text));
    }

    @Test
    void streamsHashAndCountWhatPassesThrough() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (IntegrityOutputStream out = new IntegrityOutputStream(sink)) {
            out.write(HELLO, 0, 2);
            out.write(HELLO[2]);
            out.write(HELLO, 3, 2);
            out.flush();
            assertEquals(5, out.count());
            assertEquals(HELLO_SHA512, out.integrity().toString());
        }
        assertArrayEquals(HELLO, sink.toByteArray());
        try (IntegrityInputStream in = new IntegrityInputStream(new ByteArrayInputStream(HELLO),
                Integrity.Algorithm.SHA512)) {
            assertEquals('h', in.read());
            assertEquals(2, in.skip(2));
            assertEquals(2, in.readAllBytes().length);
            assertEquals(5, in.count());
            assertEquals(HELLO_SHA512, in.integrity().toString());
        }
    }

    /** A zero byte is a byte like any other; skipping reads what it skips, up to the end and no further. */
    @Test
    void theInputStreamHashesZeroBytesAndWhatItSkips() throws IOException {
        byte[] bytes = new byte[20_000];
        bytes[0] = 0;
        bytes[1] = 'x';
        try (IntegrityInputStream in = new IntegrityInputStream(new ByteArrayInputStream(bytes),
                Integrity.Algorithm.SHA512)) {
            assertFalse(in.markSupported(), "a reset would hash the bytes read again");
            assertEquals(0, in.read());
            assertEquals(10_000, in.skip(10_000));
            assertEquals(10_001, in.count());
            assertEquals(9_999, in.skip(10_000));
            assertEquals(-1, in.read());
            assertEquals(Integrity.of(bytes), in.integrity());
        }
    }

    @Test
    void integritiesAreEqualWhenAlgorithmAndDigestAre() {
        Integrity hello = Integrity.of(HELLO);
        assertEquals(hello, Integrity.parse(HELLO_SHA512));
        assertEquals(hello.hashCode(), Integrity.parse(HELLO_SHA512).hashCode());
        assertFalse(hello.equals(Integrity.of("hellO".getBytes(StandardCharsets.UTF_8))));
        assertFalse(hello.equals(Integrity.parse("sha256-" + Base64.getEncoder().encodeToString(new byte[32]))));
        assertFalse(hello.equals(HELLO_SHA512));
    }
}
