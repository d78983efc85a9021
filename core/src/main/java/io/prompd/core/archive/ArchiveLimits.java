package io.prompd.core.archive;

import io.prompd.core.Sizes;

/**
 * Bounds on what a package may hold, applied when packing and again when unpacking, so a
 * registry and its clients refuse the same archives.
 *
 * <p>No bound on how far an archive expands against its compressed size: unpacking stops
 * decompressing once the output passes {@link #maxTarBytes()}, so a gzip bomb
 * costs no more than an honest package at the limit. A ratio refused honest repetitive files (a
 * 3.6 MB CSV packs to 7.5 KB) that the registry could only catch by compressing every package it
 * checks; npm has none, and cargo's only raises its absolute cap.
 *
 * @param maxFiles          most regular files in one package
 * @param maxFileBytes      largest single file, in bytes
 * @param maxUnpackedBytes  largest total of all files, in bytes
 */
public record ArchiveLimits(int maxFiles, long maxFileBytes, long maxUnpackedBytes) {

    private static final long MIB = 1024L * 1024L;
    /** Tar headers, PAX records and padding a file may add on top of its content. */
    private static final long TAR_OVERHEAD_PER_FILE = 4 * 1024;
    /** gzip's header, with room for the optional file name and comment, and its trailer. */
    private static final long GZIP_FRAMING_BYTES = 1024;

    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1_000, 5 * MIB, 50 * MIB);

    public ArchiveLimits {
        if (maxFiles < 1 || maxFileBytes < 1 || maxUnpackedBytes < 1) {
            throw new IllegalArgumentException("archive limits must all be positive: " + maxFiles + ", "
                    + maxFileBytes + ", " + maxUnpackedBytes);
        }
    }

    /** The largest tar these limits let through: the files' bytes plus what tar adds around each. */
    public long maxTarBytes() {
        return maxUnpackedBytes + (maxFiles + 8L) * TAR_OVERHEAD_PER_FILE;
    }

    /**
     * The largest gzip-compressed tarball that can hold what {@link #maxTarBytes()} allows: bytes that
     * do not compress grow by deflate's stored-block headers (zlib's deflateBound) and gzip's own, so a
     * download larger than this cannot be a package.
     */
    public long maxTarballBytes() {
        long tar = maxTarBytes();
        return tar + (tar >> 12) + (tar >> 14) + (tar >> 25) + 13 + GZIP_FRAMING_BYTES;
    }

    /**
     * Whether a file of this size is within the per-file limit. One beyond it is refused by its size
     * alone and its content is never read, so a 2 GB file costs a check no more than a small one.
     */
    public boolean fitsOneFile(long size) {
        return size <= maxFileBytes;
    }

    /** The error of a file that does not {@link #fitsOneFile fit} where its content would have been read. */
    public String notRead(long size) {
        return "the file is not read: it has " + Sizes.overLimit(size, maxFileBytes) + " per file";
    }

    /** Whether the bound is lower than prompd's default, which only a registry's policy makes it. */
    public boolean lowers(Bound bound) {
        return bound.of(this) < bound.of(DEFAULT);
    }

    /** One of the limits, by the name a registry's policy gives it in registry.json. */
    public enum Bound {
        FILES("maxFiles"),
        FILE_BYTES("maxFileBytes"),
        UNPACKED_BYTES("maxUnpackedBytes");

        private final String field;

        Bound(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        public long of(ArchiveLimits limits) {
            return switch (this) {
                case FILES -> limits.maxFiles();
                case FILE_BYTES -> limits.maxFileBytes();
                case UNPACKED_BYTES -> limits.maxUnpackedBytes();
            };
        }

        /** The bound as messages say it: a count of files, or a size. */
        String readable(ArchiveLimits limits) {
            return this == FILES ? Long.toString(of(limits)) : Sizes.readable(of(limits));
        }
    }
}
