package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.files.ExitHooks;
import io.prompd.core.problem.ValidationException;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.MemorySource;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackerTest {

    private static final String LONG_PATH = "deep/" + "folder-with-a-long-name/".repeat(12) + "prompt.prmd";
    private static final String UNICODE_PATH = "prompts/résumé-日本語.prmd";

    private static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        files.put("prompd.json", "{\"name\":\"@t/p\",\"version\":\"1.0.0\"}\n");
        files.put("README.md", "# Read me\n");
        files.put("prompts/a.prmd", "---\nid: a\n---\nHello {name}\n");
        files.put(LONG_PATH, "long\n");
        files.put(UNICODE_PATH, "unicode\n");
        return files;
    }

    private static byte[] pack(PackageSource source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Packer.pack(source,
                PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                        PackageLocation.WORKING_FOLDER), out);
        return out.toByteArray();
    }

    private static DirectorySource writeFolder(Path folder, Map<String, String> files, boolean reverse)
            throws IOException {
        List<String> order = new ArrayList<>(files.keySet());
        if (reverse) {
            Collections.reverse(order);
        }
        long minutes = 0;
        for (String path : order) {
            Path file = folder.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files.get(path));
            Instant mtime = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60 * minutes++);
            Files.setLastModifiedTime(file, FileTime.from(mtime));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(reverse ? "rw-------" : "rw-rw-r--"));
        }
        return new DirectorySource(folder);
    }

    @Test
    void packingTwiceGivesTheSameBytes() throws IOException {
        MemorySource source = MemorySource.ofText("p", files());

        assertArrayEquals(pack(source), pack(source));
    }

    @Test
    void aFolderAndMemoryPackIdenticallyWhateverTimesPermissionsAndOrderOnDisk(@TempDir Path one, @TempDir Path two)
            throws IOException {
        byte[] fromMemory = pack(MemorySource.ofText("p", files()));

        assertArrayEquals(fromMemory, pack(writeFolder(one, files(), false)));
        assertArrayEquals(fromMemory, pack(writeFolder(two, files(), true)));
    }

    @Test
    void anExecutableFileIsPackedAsMode0644LikeEveryOther(@TempDir Path folder) throws IOException {
        Map<String, String> files = Map.of("prompd.json", "{}", "run.sh", "#!/bin/sh\n");
        DirectorySource source = writeFolder(folder, files, false);
        Files.setPosixFilePermissions(folder.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        byte[] packed = pack(source);

        assertEquals(List.of(0644, 0644), Tarballs.entries(packed).stream().map(TarArchiveEntry::getMode).toList());
        assertArrayEquals(pack(MemorySource.ofText("p", files)), packed);
    }

    @Test
    void entriesAreSortedRegularFilesWithFixedHeaders() throws IOException {
        List<TarArchiveEntry> entries = Tarballs.entries(pack(MemorySource.ofText("p", files())));

        assertEquals(List.of("package/README.md", "package/" + LONG_PATH, "package/prompd.json",
                "package/prompts/a.prmd", "package/" + UNICODE_PATH),
                entries.stream().map(TarArchiveEntry::getName).toList());
        for (TarArchiveEntry entry : entries) {
            assertTrue(entry.isFile(), entry.getName());
            assertEquals(Instant.parse("1985-10-26T08:15:00Z"), entry.getLastModifiedTime().toInstant());
            assertEquals(0, entry.getLongUserId());
            assertEquals(0, entry.getLongGroupId());
            assertEquals("", entry.getUserName());
            assertEquals("", entry.getGroupName());
            assertEquals(0644, entry.getMode());
        }
    }

    @Test
    void aLongPathCutAtASlashForOldReadersIsStillAFile() throws IOException {
        // "package/contexts/" and 81 letters are 98 bytes: the 99-byte name field would end at the '/'
        String path = "contexts/" + "d".repeat(81) + "/notes.md";
        Map<String, String> files = new TreeMap<>(files());
        files.put(path, "notes\n");

        List<TarArchiveEntry> entries = Tarballs.entries(pack(MemorySource.ofText("p", files)));

        TarArchiveEntry notes = entries.stream().filter(entry -> entry.getName().equals("package/" + path))
                .findFirst().orElseThrow();
        assertTrue(notes.isFile());
        assertEquals(6, notes.getSize());
    }

    /**
     * The tar layer is pure Java, so its bytes are pinned: a change here changes every published
     * integrity and must be deliberate. (The gzip layer depends on the platform's zlib, so it is not.)
     */
    @Test
    void theTarBytesAreStable() throws IOException {
        byte[] tar = Tarballs.gunzip(pack(MemorySource.ofText("p", files())));

        assertEquals("sha512-JIVSN/99Wu+WmS4PHyxciwshx1w49NlHXQiLVNrG3Y2CwRypE0KdzNAitc0yn+ekU6HUri0/rhaCq5xgp3hNMA==",
                Integrity.of(tar).toString());
    }

    @Test
    void theGzipHeaderHasNoNameAndNoTime() throws IOException {
        byte[] tgz = pack(MemorySource.ofText("p", files()));

        assertEquals(0x1f, tgz[0] & 0xff);
        assertEquals(0x8b, tgz[1] & 0xff);
        assertEquals(0, tgz[3], "no FNAME, FCOMMENT or FEXTRA flag");
        assertArrayEquals(new byte[4], Arrays.copyOfRange(tgz, 4, 8), "MTIME is 0");
    }

    @Test
    void paxHeadersHoldOnlyThePath() throws IOException {
        assertEquals(List.of(pathRecord(LONG_PATH), pathRecord(UNICODE_PATH)),
                paxRecords(pack(MemorySource.ofText("p", files()))));
    }

    /** "package/" and 91 letters fill the 99 bytes of the name field: one more, and only a PAX header holds it. */
    @Test
    void onlyAPathLongerThanTheNameFieldGetsAPaxHeader() throws IOException {
        String fits = "n".repeat(88) + ".md";
        String over = "n".repeat(89) + ".md";
        Map<String, String> files = new TreeMap<>(Map.of("prompd.json", "{}", fits, "fits\n", over, "over\n"));

        byte[] packed = pack(MemorySource.ofText("p", files));

        assertEquals(List.of(pathRecord(over)), paxRecords(packed));
        assertEquals(List.of("package/" + fits, "package/" + over, "package/prompd.json"),
                Tarballs.entries(packed).stream().map(TarArchiveEntry::getName).toList());
    }

    /** The records of the tarball's PAX extended headers, in order. */
    private static List<String> paxRecords(byte[] tgz) throws IOException {
        byte[] tar = Tarballs.gunzip(tgz);
        List<String> paxRecords = new ArrayList<>();
        for (int offset = 0; offset + 512 <= tar.length; ) {
            int size = Integer.parseInt("0" + new String(tar, offset + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            if (tar[offset + 156] == 'x') {
                paxRecords.add(new String(tar, offset + 512, size, StandardCharsets.UTF_8));
            }
            offset += 512 + (size + 511) / 512 * 512;
        }
        return paxRecords;
    }

    private static String pathRecord(String path) {
        byte[] value = ("package/" + path).getBytes(StandardCharsets.UTF_8);
        return new String(Packer.paxRecord("path", value), StandardCharsets.UTF_8);
    }

    @Test
    void thePaxRecordLengthCountsItsOwnDigits() {
        assertEquals("8 a=bcd\n", new String(Packer.paxRecord("a", "bcd".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII));
        assertEquals("11 a=bcdef\n", new String(Packer.paxRecord("a", "bcdef".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII));
    }

    @Test
    void theResultDescribesTheTarball() throws IOException {
        MemorySource source = MemorySource.ofText("p", files());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackSelection selection = PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                PackageLocation.WORKING_FOLDER);

        PackResult result = Packer.pack(source, selection, out);

        assertEquals(Integrity.of(out.toByteArray()), result.integrity());
        assertEquals(out.size(), result.size());
        assertEquals(5, result.fileCount());
        assertEquals(files().values().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum(),
                result.unpackedSize());
    }

    @Test
    void aSelectionWithErrorsIsRefused() throws IOException {
        MemorySource source = MemorySource.ofText("p", Map.of("prompd.json", "{}", "A.md", "a", "a.md", "a"));
        PackSelection selection = PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                PackageLocation.WORKING_FOLDER);

        ValidationException refused = assertThrows(ValidationException.class,
                () -> Packer.pack(source, selection, new ByteArrayOutputStream()));
        assertEquals(selection.problems(), refused.problems());
    }

    /** A file that grew is refused before its extra bytes reach the tarball, with the message of one that shrank. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {4, 16, 20_000})
    void aFileThatChangesSizeWhilePackingFails(int bytesRead) {
        PackageSource changing = new ListedSource(List.of(SourceEntry.file("prompd.json", 10))) {
            @Override
            public InputStream open(String path) {
                return new ByteArrayInputStream(new byte[bytesRead]);
            }
        };

        IOException failure = assertThrows(IOException.class, () -> pack(changing));
        assertEquals(changing.describe() + ": prompd.json changed size while being packed (expected 10 bytes);"
                + " pack again", failure.getMessage());
    }

    @Test
    void packToFileMovesACompleteTarballIntoPlace(@TempDir Path folder) throws IOException {
        MemorySource source = MemorySource.ofText("p", files());
        Path target = folder.resolve("out/p-1.0.0.tgz");

        PackResult result = Packer.packToFile(source,
                PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                        PackageLocation.WORKING_FOLDER), target);

        assertArrayEquals(pack(source), Files.readAllBytes(target));
        assertEquals(Files.size(target), result.size());
        Path ordinaryFile = Files.writeString(folder.resolve("ordinary"), "x");
        assertEquals(Files.getPosixFilePermissions(ordinaryFile), Files.getPosixFilePermissions(target),
                "permissions as the umask gives any new file, not owner-only like a temporary file");
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(List.of(target), left.toList());
        }
    }

    /** Hooks kept for the test to run, as the JVM runs its own when a signal stops it. */
    private static final class RecordedExitHooks implements ExitHooks {

        private final List<Thread> hooks = new ArrayList<>();

        @Override
        public void add(Thread hook) {
            hooks.add(hook);
        }

        @Override
        public void remove(Thread hook) {
            hooks.remove(hook);
        }

        void runAll() throws InterruptedException {
            for (Thread hook : List.copyOf(hooks)) {
                hook.start();
                hook.join();
            }
        }
    }

    /**
     * Ctrl-C while a large tarball is written runs the JVM's hooks, then ends it where it stands, no catch reached:
     * what the folder holds once the hooks have run is what the user finds. Packing goes on meanwhile, as the JVM's
     * threads do, and finds its temporary gone.
     */
    @Test
    void aPackStoppedMidwayLeavesNoTemporaryOnceTheExitHooksRan(@TempDir Path folder) throws IOException {
        RecordedExitHooks exitHooks = new RecordedExitHooks();
        AtomicBoolean stopped = new AtomicBoolean();
        MemorySource files = MemorySource.ofText("p", files());
        PackageSource stopping = new ListedSource(files.entries()) {
            @Override
            public InputStream open(String path) throws IOException {
                if (!stopped.getAndSet(true)) {
                    stop();
                }
                return files.open(path);
            }

            private void stop() throws IOException {
                try (Stream<Path> left = Files.list(folder)) {
                    assertEquals(1, left.count(), "the temporary being written");
                }
                try {
                    exitHooks.runAll();
                } catch (InterruptedException interrupted) {
                    throw new AssertionError(interrupted);
                }
                try (Stream<Path> left = Files.list(folder)) {
                    assertEquals(List.of(), left.toList(), "left once the exit hooks ran");
                }
            }
        };
        PackSelection selection = PackSelector.select(stopping, List.of(), List.of(), ArchiveLimits.DEFAULT,
                PackageLocation.WORKING_FOLDER);

        assertThrows(IOException.class, () -> Packer.packToFile(stopping, selection, folder.resolve("p.tgz"),
                exitHooks));
        assertTrue(stopped.get());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "nor a tarball: the run was stopped");
        }
    }

    @Test
    void aCompletePackTakesItsExitHookBack(@TempDir Path folder) throws IOException {
        RecordedExitHooks exitHooks = new RecordedExitHooks();
        MemorySource source = MemorySource.ofText("p", files());

        Packer.packToFile(source, PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                PackageLocation.WORKING_FOLDER), folder.resolve("p.tgz"), exitHooks);

        assertEquals(List.of(), exitHooks.hooks, "no hook deletes what is now the tarball, nor holds on to it");
    }

    @Test
    void packToFileLeavesNothingBehindWhenPackingFails(@TempDir Path folder) throws IOException {
        PackageSource broken = new ListedSource(List.of(SourceEntry.file("prompd.json", 10))) {
            @Override
            public InputStream open(String path) throws IOException {
                throw new IOException("disk gone");
            }
        };
        PackSelection selection = PackSelector.select(broken, List.of(), List.of(), ArchiveLimits.DEFAULT,
                PackageLocation.WORKING_FOLDER);

        assertThrows(IOException.class, () -> Packer.packToFile(broken, selection, folder.resolve("p.tgz")));
        try (Stream<Path> left = Files.list(folder)) {
            assertFalse(left.findAny().isPresent());
        }
    }
}
