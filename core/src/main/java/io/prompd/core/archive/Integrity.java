package io.prompd.core.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A Subresource Integrity string such as {@code sha512-<base64>}, as npm records for tarballs.
 * Prompd writes sha512 only; sha256 and sha384 are read so a mirror's records can be checked too.
 *
 * @param algorithm the hash function
 * @param base64    the digest in standard Base64 with padding
 */
public record Integrity(Algorithm algorithm, String base64) {

    public Integrity {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(base64, "base64");
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("integrity digest is not Base64: '" + base64 + "'", notBase64);
        }
        if (digest.length != algorithm.digestLength) {
            throw new IllegalArgumentException("a " + algorithm.sriName + " digest has " + algorithm.digestLength
                    + " bytes, not " + digest.length);
        }
        // one spelling per digest, so equal records mean equal digests
        base64 = Base64.getEncoder().encodeToString(digest);
    }

    // written out for start-up time, as PackageName's: a warm install compares the integrity of every locked package
    @Override
    public boolean equals(Object other) {
        return other instanceof Integrity that && algorithm == that.algorithm && base64.equals(that.base64);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + base64.hashCode();
    }

    /** The hash functions of SRI strings. */
    public enum Algorithm {
        SHA256("sha256", "SHA-256", 32),
        SHA384("sha384", "SHA-384", 48),
        SHA512("sha512", "SHA-512", 64);

        private final String sriName;
        private final String javaName;
        private final int digestLength;

        Algorithm(String sriName, String javaName, int digestLength) {
            this.sriName = sriName;
            this.javaName = javaName;
            this.digestLength = digestLength;
        }

        public String sriName() {
            return sriName;
        }

        /** A new digest of this function; every Java platform has these three. */
        public MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(javaName);
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(javaName + " is required of every Java platform", impossible);
            }
        }
    }

    /**
     * Reads {@code <algorithm>-<base64>}.
     *
     * @throws IllegalArgumentException with a clear message if the string is not one SRI hash
     */
    public static Integrity parse(String text) {
        Objects.requireNonNull(text, "text");
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("integrity must look like 'sha512-<base64>': '" + text + "'");
        }
        String name = text.substring(0, dash).toLowerCase(Locale.ROOT);
        Algorithm algorithm = Arrays.stream(Algorithm.values()).filter(a -> a.sriName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown integrity algorithm '" + name
                        + "' (expected sha512, sha384 or sha256)"));
        return new Integrity(algorithm, text.substring(dash + 1));
    }

    /** The sha512 integrity of some bytes. */
    public static Integrity of(byte[] bytes) {
        return ofDigest(Algorithm.SHA512, Algorithm.SHA512.newDigest().digest(bytes));
    }

    /** The integrity of a file's content, read as a stream: a tarball need not fit in memory. */
    public static Integrity of(Algorithm algorithm, Path file) throws IOException {
        try (IntegrityInputStream hashed = new IntegrityInputStream(Files.newInputStream(file), algorithm)) {
            hashed.transferTo(OutputStream.nullOutputStream());
            return hashed.integrity();
        }
    }

    public static Integrity ofDigest(Algorithm algorithm, byte[] digest) {
        return new Integrity(algorithm, Base64.getEncoder().encodeToString(digest));
    }

    public byte[] digest() {
        return Base64.getDecoder().decode(base64);
    }

    /** Whether both name the same content; compares in constant time. */
    public boolean matches(Integrity other) {
        return algorithm == other.algorithm && MessageDigest.isEqual(digest(), other.digest());
    }

    /** Whether these bytes have this integrity. */
    public boolean matches(byte[] bytes) {
        return MessageDigest.isEqual(digest(), algorithm.newDigest().digest(bytes));
    }

    /** The digest in lower-case hex, as {@code sha512sum} prints it. */
    public String hex() {
        return HexFormat.of().formatHex(digest());
    }

    @Override
    public String toString() {
        return algorithm.sriName + "-" + base64;
    }
}
