package io.prompd.core.archive;

/**
 * Bounds on what a package may hold, applied when packing and again when unpacking, so a
 * registry and its clients refuse the same archives.
 *
 * @param maxFiles          most regular files in one package
 * @param maxFileBytes      largest single file, in bytes
 * @param maxUnpackedBytes  largest total of all files, in bytes
 * @param maxExpansionRatio most times the unpacked size may exceed the compressed archive (against zip bombs)
 */
public record ArchiveLimits(int maxFiles, long maxFileBytes, long maxUnpackedBytes, int maxExpansionRatio) {

    private static final long MIB = 1024L * 1024L;

    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1_000, 5 * MIB, 50 * MIB, 100);

    public ArchiveLimits {
        if (maxFiles < 1 || maxFileBytes < 1 || maxUnpackedBytes < 1 || maxExpansionRatio < 1) {
            throw new IllegalArgumentException("archive limits must all be positive: " + maxFiles + ", "
                    + maxFileBytes + ", " + maxUnpackedBytes + ", " + maxExpansionRatio);
        }
    }
}
