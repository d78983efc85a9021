package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.files.Folders;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.MemorySource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUnpackerTest {

    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path target;

    private static byte[] packed(Map<String, String> files) throws IOException {
        MemorySource source = MemorySource.ofText("p", files);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Packer.pack(source,
                PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                        PackageLocation.WORKING_FOLDER), out);
        return out.toByteArray();
    }

    private UnpackResult unpack(byte[] tgz, ArchiveLimits limits) throws IOException {
        return SafeUnpacker.unpackVerified(new ByteArrayInputStream(tgz), Integrity.of(tgz), target, limits);
    }

    /** Unpacking is refused with this exit code and a message containing this text, and nothing is left behind. */
    private void assertRefused(byte[] tgz, ArchiveLimits limits, ExitCode exitCode, String messagePart)
            throws IOException {
        PrompdException refused = assertThrows(PrompdException.class, () -> unpack(tgz, limits));
        assertEquals(exitCode, refused.exitCode(), refused.getMessage());
        assertTrue(refused.getMessage().contains(messagePart), refused.getMessage());
        assertFalse(refused.getMessage().contains("null"), refused.getMessage());
        assertFalse(refused.hint().isEmpty());
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(), left.toList());
        }
    }

    private void assertRefused(byte[] tgz, ExitCode exitCode, String messagePart) throws IOException {
        assertRefused(tgz, ArchiveLimits.DEFAULT, exitCode, messagePart);
    }

    @Test
    void roundTripGivesBackTheFilesAndPacksToTheSameBytes() throws IOException {
        Map<String, String> files = Map.of("prompd.json", "{}", "prompts/a.prmd", "a",
                "deep/" + "long-folder-name/".repeat(20) + "x.md", "x", "prompts/naïve-日本.prmd", "n");
        byte[] tgz = packed(files);

        UnpackResult result = unpack(tgz, ArchiveLimits.DEFAULT);

        assertEquals(files.keySet().stream().sorted().toList(), result.paths());
        assertEquals(4, result.fileCount());
        assertEquals(5, result.unpackedSize());
        assertEquals(Integrity.of(tgz), result.integrity());
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertEquals(file.getValue(), Files.readString(target.resolve(file.getKey())));
        }
        DirectorySource unpacked = new DirectorySource(target);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Packer.pack(unpacked,
                PackSelector.select(unpacked, List.of(), List.of(), ArchiveLimits.DEFAULT,
                        PackageLocation.WORKING_FOLDER), again);
        assertArrayEquals(tgz, again.toByteArray());
    }

    @Test
    void aVerifiedUnpackAcceptsTheRecordedIntegrity() throws IOException {
        byte[] tgz = packed(Map.of("prompd.json", "{}"));

        UnpackResult result = SafeUnpacker.unpackVerified(new ByteArrayInputStream(tgz), Integrity.of(tgz), target,
                ArchiveLimits.DEFAULT);

        assertEquals(List.of("prompd.json"), result.paths());
    }

    @Test
    void aVerifiedUnpackRefusesOtherBytesAndLeavesNothing() throws IOException {
        byte[] tgz = packed(Map.of("prompd.json", "{}"));
        Integrity other = Integrity.of(packed(Map.of("prompd.json", "{ }")));

        PrompdException refused = assertThrows(PrompdException.class, () -> SafeUnpacker.unpackVerified(
                new ByteArrayInputStream(tgz), other, target, ArchiveLimits.DEFAULT));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode());
        assertTrue(refused.getMessage().contains("does not match its integrity"), refused.getMessage());
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aRefusalStaysWhatIsReportedWhenTheFolderCannotBeEmptiedAfterIt() throws IOException {
        byte[] tgz = packed(Map.of("prompd.json", "{}"));
        Integrity other = Integrity.of(packed(Map.of("prompd.json", "{ }")));
        // the folder vanishes once the download is read, as when another process removes it: emptying it
        // then fails, for root too, whom permissions would not stop
        InputStream download = new ByteArrayInputStream(tgz) {
            @Override
            public synchronized int read(byte[] bytes, int offset, int length) {
                int read = super.read(bytes, offset, length);
                if (read < 0 && Files.exists(target)) {
                    try {
                        Folders.deleteRecursively(target);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                }
                return read;
            }
        };

        PrompdException refused = assertThrows(PrompdException.class, () -> SafeUnpacker.unpackVerified(download,
                other, target, ArchiveLimits.DEFAULT));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode());
        assertTrue(refused.getMessage().contains("does not match its integrity"), refused.getMessage());
        assertEquals(List.of(NoSuchFileException.class),
                Arrays.stream(refused.getSuppressed()).map(Object::getClass).toList());
    }

    @Test
    void theCallersStreamIsReadToItsEndButLeftOpen() throws IOException {
        byte[] tgz = packed(Map.of("prompd.json", "{}"));
        boolean[] closed = {false};
        InputStream download = new ByteArrayInputStream(tgz) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        SafeUnpacker.unpackVerified(download, Integrity.of(tgz), target, ArchiveLimits.DEFAULT);

        assertFalse(closed[0]);
        assertEquals(0, download.available());
    }

    @Test
    void theExecutableBitOfATarballPackedBeforeItWasDroppedIsNotKept() throws IOException {
        byte[] tgz = Tarballs.craft(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry("package/run.sh");
            entry.setSize(HELLO.length);
            entry.setMode(0755);
            tar.putArchiveEntry(entry);
            tar.write(HELLO);
            tar.closeArchiveEntry();
        });

        unpack(tgz, ArchiveLimits.DEFAULT);

        assertFalse(Files.isExecutable(target.resolve("run.sh")));
        assertArrayEquals(HELLO, Files.readAllBytes(target.resolve("run.sh")));
    }

    @Test
    void folderEntriesAreAccepted() throws IOException {
        byte[] tgz = Tarballs.craft(tar -> {
            Tarballs.special(tar, "package/", TarConstants.LF_DIR, "");
            Tarballs.special(tar, "package/prompts/", TarConstants.LF_DIR, "");
            Tarballs.file(tar, "package/prompts/a.prmd", HELLO);
        });

        assertEquals(List.of("prompts/a.prmd"), unpack(tgz, ArchiveLimits.DEFAULT).paths());
    }

    @Test
    void refusesATargetThatIsNotEmpty() throws IOException {
        Files.writeString(target.resolve("old"), "x");

        PrompdException refused = assertThrows(PrompdException.class,
                () -> unpack(packed(Map.of("prompd.json", "{}")), ArchiveLimits.DEFAULT));
        assertEquals(ExitCode.CONFLICT, refused.exitCode());
        assertTrue(Files.exists(target.resolve("old")));
    }

    @Test
    void refusesTraversal() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "package/../../x", HELLO)),
                ExitCode.INTEGRITY, "'..'");
    }

    @Test
    void refusesTraversalInAFolderEntry() throws IOException {
        assertRefused(folderEntryAndAFile("package/../x/"), ExitCode.INTEGRITY,
                "the archive entry 'package/../x/' is refused");
    }

    /** A folder entry, which writes nothing itself, then a file outside it. */
    private static byte[] folderEntryAndAFile(String folder) {
        return Tarballs.craft(tar -> {
            Tarballs.special(tar, folder, TarConstants.LF_DIR, "");
            Tarballs.file(tar, "package/a", HELLO);
        });
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "/etc/x", HELLO)),
                ExitCode.INTEGRITY, "not under package/");
    }

    /** A '/' right after the package's folder is an empty segment of the entry's name, no absolute path. */
    @Test
    void refusesAnEmptySegmentAfterThePackageFolderAsOneAndNotAsAnAbsolutePath() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "package//contexts/p.md", HELLO)),
                ExitCode.INTEGRITY, "the archive entry 'package//contexts/p.md' is refused: the path has an empty,"
                        + " '.' or '..' segment");
    }

    @Test
    void refusesEntriesOutsideThePackageFolder() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "other/x", HELLO)),
                ExitCode.INTEGRITY, "not under package/");
    }

    @Test
    void refusesBackslashes() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "package/a\\..\\..\\x", HELLO)),
                ExitCode.INTEGRITY, "backslash");
    }

    @Test
    void refusesSymbolicLinks() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.special(tar, "package/link", TarConstants.LF_SYMLINK, "/etc")),
                ExitCode.INTEGRITY, "a symbolic link");
    }

    @Test
    void refusesHardLinks() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/a", HELLO);
            Tarballs.special(tar, "package/b", TarConstants.LF_LINK, "package/a");
        }), ExitCode.INTEGRITY, "a hard link");
    }

    @ParameterizedTest(name = "type {0}")
    @ValueSource(bytes = {TarConstants.LF_CHR, TarConstants.LF_BLK})
    void refusesDevices(byte type) throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.special(tar, "package/dev", type, "")),
                ExitCode.INTEGRITY,
                "the archive entry 'package/dev' is refused: it is a device, and packages hold regular files only");
    }

    @Test
    void refusesAnEntryOfAnotherTypeNamingItsType() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.special(tar, "package/c", TarConstants.LF_CONTIG, "")),
                ExitCode.INTEGRITY, "it is an entry of tar type '7', and packages hold regular files only");
    }

    @Test
    void refusesNamedPipes() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.special(tar, "package/fifo", TarConstants.LF_FIFO, "")),
                ExitCode.INTEGRITY, "a named pipe");
    }

    @Test
    void refusesDuplicatePaths() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/a", HELLO);
            Tarballs.file(tar, "package/a", HELLO);
        }), ExitCode.INTEGRITY, "appears twice");
    }

    @Test
    void refusesPathsEqualButForCase() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/README.md", HELLO);
            Tarballs.file(tar, "package/readme.md", HELLO);
        }), ExitCode.INTEGRITY, "letter case");
    }

    @Test
    void refusesPathsEqualByCaseFolding() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/contexts/\u017F.md", HELLO);
            Tarballs.file(tar, "package/contexts/s.md", HELLO);
        }), ExitCode.INTEGRITY, "letter case");
    }

    @Test
    void refusesAFileWhereAFolderMustGo() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/a", HELLO);
            Tarballs.file(tar, "package/a/b", HELLO);
        }), ExitCode.INTEGRITY, "stands where its folder should be");
    }

    /** The file comes after the entries under a folder of its exact name: no clash of case or Unicode on the disk. */
    @Test
    void refusesAFileWhereTheArchiveMadeAFolder() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/prompts/x.prmd", HELLO);
            Tarballs.file(tar, "package/prompts", HELLO);
        }), ExitCode.INTEGRITY, "the archive entry 'package/prompts' is refused: a folder of the archive, made for"
                + " its entries under it, stands where its file should be");
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/prompts/deep/x.prmd", HELLO);
            Tarballs.file(tar, "package/prompts", HELLO);
        }), ExitCode.INTEGRITY, "stands where its file should be");
    }

    /** On Windows, git~1 is the short name of a .git folder beside it, where Git would read the config written. */
    @Test
    void refusesTheShortNameOfAGitFolder() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/prompd.json", HELLO);
            Tarballs.file(tar, "package/GIT~1/config", HELLO);
        }), ExitCode.INTEGRITY, "'GIT~1', is one Windows or macOS may take for Git's own folder");
    }

    @Test
    void refusesAGitFolderWhoseConfigGitWouldObeyInTheInstalledPackage() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/prompd.json", HELLO);
            Tarballs.file(tar, "package/.git/config",
                    "[core]\n\tfsmonitor = touch pwned\n".getBytes(StandardCharsets.UTF_8));
        }), ExitCode.INTEGRITY, "the archive entry 'package/.git/config' is refused: pack never packs .git/, .prompd/,"
                + " node_modules/");
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "package/sub/.GIT/HEAD", HELLO)),
                ExitCode.INTEGRITY, "the archive entry 'package/sub/.GIT/HEAD' is refused: pack never packs .git/");
        assertRefused(folderEntryAndAFile("package/.git/"), ExitCode.INTEGRITY,
                "the archive entry 'package/.git/' is refused: pack never packs .git/");
    }

    @Test
    void refusesAnyFileThatPackLeavesOutOfEveryPackage() throws IOException {
        Map<String, String> refusals = Map.of(
                "package/prompts/.npmrc", "it looks like secrets, and pack never packs them (.env*, *.env, .npmrc*",
                "package/.env.local", "it looks like secrets",
                "package/contexts/.aws/credentials", "it looks like secrets",
                "package/.x.1-2.345.part", "pack never packs prompd's own temporary files",
                "package/a/Thumbs.db", "pack never packs system and editor files or a lock file",
                "package/.gitattributes", "pack never packs Git's rule files",
                "package/me-1.0.0.tgz", "pack never packs a .tgz or .tar.gz at the package root");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            assertRefused(Tarballs.craft(tar -> {
                Tarballs.file(tar, "package/prompd.json", HELLO);
                Tarballs.file(tar, refusal.getKey(), HELLO);
            }), ExitCode.INTEGRITY, "the archive entry '" + refusal.getKey() + "' is refused: " + refusal.getValue());
        }
    }

    @Test
    void acceptsFilesPackLeavesOutOnlyByTheirFolderNameElsewhere() throws IOException {
        byte[] tgz = Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/contexts/data.tgz", HELLO);
            Tarballs.file(tar, "package/editor.swp/a.md", HELLO);
            Tarballs.file(tar, "package/git/config", HELLO);
        });

        assertEquals(List.of("contexts/data.tgz", "editor.swp/a.md", "git/config"),
                unpack(tgz, ArchiveLimits.DEFAULT).paths());
    }

    @Test
    void refusesAPathWithABidiOverrideAsPackDoes() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "package/notes\u202Edm.exe", HELLO)),
                ExitCode.INTEGRITY, "the archive entry 'package/notes<U+202E>dm.exe' is refused: the path holds"
                        + " the invisible Unicode character U+202E at position 6");
    }

    @Test
    void anEntryNameIsQuotedWithItsControlAndInvisibleCharactersSpeltOut() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "package/a\nb\u001B[2J", HELLO)),
                ExitCode.INTEGRITY, "the archive entry 'package/a^Jb^[[2J' is refused");
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "notes\u202E/a", HELLO)),
                ExitCode.INTEGRITY, "the archive entry 'notes<U+202E>/a' is refused: it is not under package/");
    }

    @Test
    void refusesAFileOverTheSizeLimit() throws IOException {
        assertRefused(Tarballs.craft(tar -> Tarballs.file(tar, "package/big", new byte[101])),
                new ArchiveLimits(10, 100, 1000), ExitCode.INTEGRITY, "101 bytes, more than the limit of 100");
    }

    @Test
    void acceptsFilesThatReachTheLimitsExactly() throws IOException {
        byte[] tgz = Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/a", new byte[50]);
            Tarballs.file(tar, "package/b", new byte[50]);
        });

        assertEquals(100, unpack(tgz, new ArchiveLimits(2, 50, 100)).unpackedSize());
    }

    @Test
    void refusesATotalOverTheLimit() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/a", new byte[60]);
            Tarballs.file(tar, "package/b", new byte[60]);
        }), new ArchiveLimits(10, 100, 100), ExitCode.INTEGRITY, "add up to more than the limit of 100");
    }

    @Test
    void refusesTooManyFiles() throws IOException {
        assertRefused(Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/a", HELLO);
            Tarballs.file(tar, "package/b", HELLO);
            Tarballs.file(tar, "package/c", HELLO);
        }), new ArchiveLimits(2, 100, 1000), ExitCode.INTEGRITY, "more than 2 files");
    }

    @Test
    void unpacksWhatPackWritesHoweverWellItCompresses() throws IOException {
        String csv = "id,name,value\n" + "1,same,42.0\n".repeat(300_000);
        byte[] tgz = packed(Map.of("prompd.json", "{}", "contexts/data.csv", csv));
        assertTrue(tgz.length * 100L < csv.length(), csv.length() + " bytes pack to " + tgz.length);

        UnpackResult result = unpack(tgz, ArchiveLimits.DEFAULT);

        assertEquals(List.of("contexts/data.csv", "prompd.json"), result.paths());
        assertEquals(csv, Files.readString(target.resolve("contexts/data.csv")));
    }

    @Test
    void stopsAGzipBombAtTheLimitsWithoutReadingItAll() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(Tarballs.gunzip(Tarballs.craft(tar -> Tarballs.file(tar, "package/a", HELLO))));
            // zeros after the tar's end are read only by the final drain, past every entry's size check
            gzip.write(new byte[10 * 1024 * 1024]);
        }
        byte[] bomb = compressed.toByteArray();
        CountingStream input = new CountingStream(bomb);
        ArchiveLimits limits = new ArchiveLimits(1, 1024 * 1024, 1024 * 1024);

        PrompdException refused = assertThrows(PrompdException.class,
                () -> SafeUnpacker.unpackVerified(input, Integrity.of(bomb), target, limits));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode());
        assertTrue(refused.getMessage().contains("holds more than the limit of 1.0 MiB"), refused.getMessage());
        assertTrue(input.read < bomb.length / 2, "stopped after " + input.read + " of " + bomb.length + " bytes");
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void stopsReadingOnceTheArchiveHoldsMoreThanTheLimitsAllow() throws IOException {
        byte[] noise = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        String comment = HexFormat.of().formatHex(noise);
        byte[] tgz = Tarballs.craft(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry("package/a");
            entry.addPaxHeader("comment", comment);
            entry.setSize(HELLO.length);
            tar.putArchiveEntry(entry);
            tar.write(HELLO);
            tar.closeArchiveEntry();
        });

        assertRefused(tgz, new ArchiveLimits(1, 100, 100), ExitCode.INTEGRITY,
                "holds more than the limit of 100 bytes");
    }

    @Test
    void refusesATruncatedArchive() throws IOException {
        byte[] whole = Tarballs.craft(tar -> {
            Tarballs.file(tar, "package/a", "text long enough to matter".repeat(80).getBytes(StandardCharsets.UTF_8));
            Tarballs.file(tar, "package/b", HELLO);
        });

        for (int length : new int[] {whole.length / 2, whole.length - 4, whole.length - 9, 30, 11}) {
            assertRefused(Arrays.copyOf(whole, length), ExitCode.INTEGRITY, "corrupt or truncated");
        }
    }

    /**
     * The gzip reader's words ended with their own full stop ("Gzip-compressed data is corrupt."), which an install
     * adding "; it was the cached copy" to the message made ".;".
     */
    @Test
    void aDamagedArchiveIsToldInAClauseWithoutTheReadersFullStop() throws IOException {
        byte[] damaged = Tarballs.craft(tar -> Tarballs.file(tar, "package/a",
                "text long enough to matter".repeat(80).getBytes(StandardCharsets.UTF_8)));
        for (int index = 12; index < damaged.length - 8; index++) {
            damaged[index] ^= (byte) 0x5A;
        }

        PrompdException refused = assertThrows(PrompdException.class, () -> unpack(damaged, ArchiveLimits.DEFAULT));

        assertTrue(refused.getMessage().startsWith("the archive is corrupt or truncated: "), refused.getMessage());
        assertFalse(refused.getMessage().endsWith("."), refused.getMessage());
    }

    /** Every name within the rules, the path inside the package beyond the 512 bytes a package's path may have. */
    @Test
    void anEntryPathLongerThanAPackagePathMayBeIsRefusedBeforeWritingIt() throws IOException {
        String name = "package/" + (("n".repeat(250) + "/").repeat(20)) + "a.md";
        byte[] tgz = Tarballs.craft(tar -> Tarballs.file(tar, name, HELLO));

        assertRefused(tgz, ExitCode.INTEGRITY, "the archive entry '" + name + "' is refused: the path has 5024 bytes in"
                + " UTF-8, more than the 512 a path inside a package may have");
    }

    /** A path that only the folder it is unpacked in makes too long fits under a home at a shorter path. */
    @Test
    void anEntryPathThatTheTargetFolderMakesTooLongAsksForAShorterHome() throws IOException {
        String name = "package/" + (("n".repeat(250) + "/").repeat(2)) + "a.md";
        byte[] tgz = Tarballs.craft(tar -> Tarballs.file(tar, name, HELLO));
        target = Files.createDirectories(target.resolve(("h".repeat(250) + "/").repeat(15)));

        PrompdException refused = assertThrows(PrompdException.class, () -> unpack(tgz, ArchiveLimits.DEFAULT));

        assertEquals(ExitCode.FAILURE, refused.exitCode(), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("the archive entry '" + name + "' cannot be written: its path in the"
                + " prompd home has "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(" bytes in UTF-8, more than the 4095 Linux takes in a whole path; the"
                + " package's own path is 506 of them"), refused.getMessage());
        assertTrue(refused.hint().startsWith("put the prompd home at a path shorter by "), refused.hint());
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void refusesAFileNameLongerThanLinuxAndMacOsAllowBeforeWritingIt() throws IOException {
        String name = "package/" + "\u8aac".repeat(100) + ".md";
        byte[] tgz = Tarballs.craft(tar -> Tarballs.file(tar, name, HELLO));

        assertRefused(tgz, ExitCode.INTEGRITY, "the archive entry '" + name + "' is refused: a name in the path has 303"
                + " bytes in UTF-8");
    }

    @Test
    void refusesDataAfterTheEndOfTheArchive() throws IOException {
        byte[] tgz = packed(Map.of("prompd.json", "{}"));
        byte[] padded = Arrays.copyOf(tgz, tgz.length + 3);

        assertRefused(padded, ExitCode.INTEGRITY, "data follows the end");
    }

    @Test
    void refusesWhatIsNotGzip() throws IOException {
        assertRefused("not a tarball".getBytes(StandardCharsets.UTF_8), ExitCode.INTEGRITY, "not gzip");
    }

    @Test
    void refusesACorruptedTarHeader() throws IOException {
        byte[] tar = Tarballs.gunzip(packed(Map.of("prompd.json", "{}")));
        tar[150] ^= 0x55;
        ByteArrayOutputStream regzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(regzipped)) {
            gzip.write(tar);
        }

        assertRefused(regzipped.toByteArray(), ExitCode.INTEGRITY, "corrupt or truncated");
    }

    /** Counts how much of the compressed input the unpacker pulled. */
    private static final class CountingStream extends InputStream {
        private final byte[] bytes;
        private int read;

        CountingStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return read < bytes.length ? bytes[read++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 512), bytes.length - read);
            System.arraycopy(bytes, read, buffer, offset, n);
            read += n;
            return n;
        }
    }
}
