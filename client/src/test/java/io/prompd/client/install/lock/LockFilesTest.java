package io.prompd.client.install.lock;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.config.RegistryUrl;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.problem.FileProblemsException;
import io.prompd.core.problem.Problem;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.ConflictSides;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFilesTest {

    private static final Integrity INTEGRITY = Integrity.of("tarball".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path work;

    private static LockedPackage locked(String version, String... dependencies) {
        TreeMap<PackageName, VersionRange> declared = new TreeMap<>();
        for (int i = 0; i < dependencies.length; i += 2) {
            declared.put(PackageName.parse(dependencies[i]), VersionRange.parse(dependencies[i + 1]));
        }
        return new LockedPackage(Version.parse(version), URI.create("https://r.example/t-" + version + ".tgz"),
                INTEGRITY,
                declared);
    }

    private static LockFile lock() {
        return new LockFile(new TreeMap<>(Map.of(
                PackageName.parse("@b/second"), locked("2.0.0"),
                PackageName.parse("@a/first"), locked("1.0.0", "@b/second", "^2.0.0"))));
    }

    @Test
    void writesSortedCanonicalJson() {
        assertEquals("""
                {
                  "lockfileVersion": 1,
                  "packages": {
                    "@a/first": {
                      "dependencies": {
                        "@b/second": "^2.0.0"
                      },
                      "integrity": "%1$s",
                      "resolved": "https://r.example/t-1.0.0.tgz",
                      "version": "1.0.0"
                    },
                    "@b/second": {
                      "integrity": "%1$s",
                      "resolved": "https://r.example/t-2.0.0.tgz",
                      "version": "2.0.0"
                    }
                  }
                }
                """.formatted(INTEGRITY), new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWroteAndWritesTheSameBytesAgain() throws IOException {
        Path file = work.resolve("prompd.lock");
        Files.write(file, LockFiles.toBytes(lock()));
        LockFile read = LockFiles.read(file, PLAIN).orElseThrow();
        assertEquals(lock(), read);
        assertArrayEquals(Files.readAllBytes(file), LockFiles.toBytes(read));
    }

    /** A pre-signed URL's signature, which an older prompd wrote, is read away, and never written again. */
    @Test
    void aLockedUrlsQueryAndFragmentAreNeitherReadNorWritten() {
        String lock = new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8)
                .replace("t-2.0.0.tgz", "t-2.0.0.tgz?X-Amz-Signature=SECRET#part");

        LockFile read = LockFiles.parse(lock.getBytes(StandardCharsets.UTF_8), PLAIN);

        assertEquals(lock(), read);
        assertEquals(URI.create("https://r.example/t-2.0.0.tgz"), locked("2.0.0")
                .withResolved(URI.create("https://r.example/t-2.0.0.tgz?X-Amz-Signature=SECRET")).resolved());
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        byte[] twice = (new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8) + "{}\n")
                .getBytes(StandardCharsets.UTF_8);
        PrompdException refused = assertThrows(PrompdException.class, () -> LockFiles.parse(twice, PLAIN));
        assertTrue(refused.getMessage().contains("after the end of the JSON document"), refused.getMessage());
    }

    @Test
    void aSyntaxErrorHasItsLineOnceAndItsColumn() {
        PrompdException refused = assertThrows(PrompdException.class,
                () -> LockFiles.parse("{\n  \"packages\": {,}\n}\n".getBytes(StandardCharsets.UTF_8), PLAIN));
        assertTrue(refused.getMessage()
                .startsWith("prompd.lock cannot be read:\nprompd.lock\n  error   line 2: not valid"
                + " JSON (column 16): expected the name of a field, in double quotes\n"), refused.getMessage());
    }

    @Test
    void aLoneSurrogateEscapeIsAnErrorAtItsFieldSinceTheUrlWouldBeFetchedWithAQuestionMarkInItsPlace() {
        String lock = new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8)
                .replace("t-2.0.0", "t\\udfff-2.0.0");

        PrompdException refused = assertThrows(PrompdException.class,
                () -> LockFiles.parse(lock.getBytes(StandardCharsets.UTF_8), PLAIN));

        assertTrue(refused.getMessage()
                .contains("error   /packages/@b/second/resolved, line 14: 'packages/@b/second/resolved' holds the lone"
                + " UTF-16 surrogate U+DFFF at position 20"), refused.getMessage());
    }

    @Test
    void gitMergeConflictMarkersAreNamedOnOneLineWithTheOneWayOutThatKeepsThePins() {
        String lock = new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8);
        String conflicted = lock.replaceFirst("\n", "\n<<<<<<< HEAD\n=======\n>>>>>>> feature/more-prompts\n");

        PrompdException refused = assertThrows(PrompdException.class,
                () -> LockFiles.parse(conflicted.getBytes(StandardCharsets.UTF_8), PLAIN));

        assertEquals("prompd.lock cannot be read: line 2: a Git merge left conflict markers here (<<<<<<<, =======,"
                + " >>>>>>>)", refused.getMessage(), "one line, without the hint to merge the sides by hand");
        assertEquals("run 'prompd install', which merges both sides' locks (a package they lock at different versions"
                + " at the higher) and installs the result as any lock, then this again", refused.hint(),
                "taking one side would lose the other's updates, deleting the lock every pin both sides agreed on");
        ReadLock read = LockFiles.parseMerging(conflicted.getBytes(StandardCharsets.UTF_8), PLAIN);
        assertEquals(lock(), read.lock());
        ConflictSides sides = read.conflicted().orElseThrow().sides();
        assertEquals("HEAD", sides.oursLabel());
        assertEquals("feature/more-prompts", sides.theirsLabel());
        assertEquals(2, sides.firstLine());
    }

    /** As ConflictSides refuses them: a lock it held on its own took any line, 0 too, and no label at all. */
    @Test
    void aConflictedLockHoldsTheSidesItWasReadFromWithTheirChecks() {
        assertThrows(IllegalArgumentException.class, () -> new ConflictedLock(lock(), lock(),
                new ConflictSides("", "", "HEAD", "other", 0)));
        assertThrows(NullPointerException.class, () -> new ConflictedLock(lock(), lock(), null));
    }

    @Test
    void theSidesOfAConflictedLockMergeToTheHigherVersionOfAPackageBothLockAndEveryPackageEitherLocks() {
        String ours = new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8);
        String theirs = ours.replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"")
                .replace("\"version\": \"2.0.0\"", "\"version\": \"1.9.0\"");
        // diff3 style, with the base between ||||||| and =======, which neither side keeps; CRLF as Windows checks out
        String conflicted = ("<<<<<<< HEAD\n" + ours + "||||||| base\n{\n=======\n" + theirs + ">>>>>>> other\n")
                .replace("\n", "\r\n");

        ConflictedLock read = LockFiles.parseMerging(conflicted.getBytes(StandardCharsets.UTF_8), PLAIN).conflicted()
                .orElseThrow();

        assertEquals(lock(), read.ours());
        assertEquals(List.of("@a/first 1.0.0 1.0.1 1.0.1", "@b/second 2.0.0 1.9.0 2.0.0"), read.differing().stream()
                .map(one -> one.name() + " " + one.ours().version() + " " + one.theirs().version() + " "
                        + one.kept().version()).toList());
        assertEquals("1.0.1", read.merged().get(PackageName.parse("@a/first")).orElseThrow().version().toString());
        assertEquals("2.0.0", read.merged().get(PackageName.parse("@b/second")).orElseThrow().version().toString());
    }

    /** Installed from a mirror on one branch, say: the merge keeps ours' entry, and tells it, as the version alone cannot. */
    @Test
    void entriesOfOneVersionFromOtherTarballsDifferAndTheMergeKeepsOurs() {
        String ours = new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8);
        String theirs = ours.replace("https://r.example/t-1.0.0.tgz", "https://mirror.example/t-1.0.0.tgz")
                .replaceFirst(INTEGRITY.toString(), Integrity.of(new byte[] {1}).toString());

        ConflictedLock read = LockFiles.parseMerging(("<<<<<<< HEAD\n" + ours + "=======\n" + theirs
                + ">>>>>>> other\n").getBytes(StandardCharsets.UTF_8), PLAIN).conflicted().orElseThrow();

        assertEquals(List.of("@a/first"), read.differing().stream().map(one -> one.name().toString()).toList());
        ConflictedLock.Differing first = read.differing().get(0);
        assertTrue(first.sameVersion());
        assertEquals("https://mirror.example/t-1.0.0.tgz", first.theirs().resolved().toString());
        assertEquals(lock().get(PackageName.parse("@a/first")).orElseThrow(), first.kept());
        assertEquals(lock(), read.merged(), "ours' entries, the same versions as theirs");
    }

    @Test
    void aConflictedLockWithASideThatIsNoLockIsRefusedWithAWayOutForEveryStateGitCanHaveItIn() {
        String ours = new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8);
        String conflicted = "<<<<<<< HEAD\n" + ours + "=======\n{\"lockfileVersion\": 1,\n>>>>>>> other\n";

        PrompdException refused = assertThrows(PrompdException.class,
                () -> LockFiles.parseMerging(conflicted.getBytes(StandardCharsets.UTF_8), PLAIN));

        // the side ends where the file does: its lines are the file's, the other side's left empty
        assertEquals("prompd.lock cannot be read:\nprompd.lock\n  error   line 1: a Git merge left conflict markers here"
                + " (<<<<<<<, =======, >>>>>>>), and the side of other, read alone, is no lock\n  error   line "
                + conflicted.split("\n", -1).length + ": not valid JSON (column 1): Unexpected end-of-input"
                + " within/between Object entries\n2 errors, 0 warnings", refused.getMessage());
        assertEquals(2, ((FileProblemsException) refused).problems().size(), "each a script reads in --json");
        assertEquals("fix it by hand, or take one side's lock: 'git checkout --ours prompd.lock' (or --theirs) while"
                + " Git's merge has it unresolved, 'git checkout HEAD -- prompd.lock' once it is staged, the same from a"
                + " commit before the markers once they are committed; or delete it and run 'prompd install' to lock"
                + " again, every version anew", refused.hint());
        PrompdException unclosed = assertThrows(PrompdException.class, () -> LockFiles.parseMerging(
                ("<<<<<<< HEAD\n" + ours + "=======\n").getBytes(StandardCharsets.UTF_8), PLAIN));
        assertEquals(refused.hint(), unclosed.hint(), "markers Git does not write are no sides to merge");
    }

    @Test
    void aFileUrlIsWrittenWithItsThreeSlashesAndReadInEitherForm() {
        URI resolved = URI.create("file:///srv/registry/").resolve("packages/@a/first/-/first-1.0.0.tgz");
        LockFile lock = new LockFile(new TreeMap<>(Map.of(PackageName.parse("@a/first"),
                new LockedPackage(Version.parse("1.0.0"), resolved, INTEGRITY, new TreeMap<>()))));

        String written = new String(LockFiles.toBytes(lock), StandardCharsets.UTF_8);

        assertTrue(written.contains("\"resolved\": \"file:///srv/registry/packages/@a/first/-/first-1.0.0.tgz\""),
                written);
        assertEquals(lock, LockFiles.parse(written.getBytes(StandardCharsets.UTF_8), PLAIN));
        String older = written.replace("file:///", "file:/");
        assertEquals(lock, LockFiles.parse(older.getBytes(StandardCharsets.UTF_8), PLAIN), "as older locks have it");
    }

    @Test
    void aResolvedUrlIsWrittenEncodedAsTheRegistryIsWhetherOrNotItWasShownBefore() {
        URI registry = URI.create("file:///srv/it%27s%20%C3%BC/registry/");
        URI shown = registry.resolve("packages/@a/first/-/first-1.0.0.tgz");
        assertTrue(shown.toString().contains("it%27s%20%C3%BC"), "as a download's message shows it");
        URI notShown = registry.resolve("packages/@a/first/-/first-1.0.0.tgz");

        byte[] written = LockFiles.toBytes(lockOf(shown));

        assertArrayEquals(written, LockFiles.toBytes(lockOf(notShown)));
        assertTrue(new String(written, StandardCharsets.UTF_8)
                .contains("\"file:///srv/it%27s%20%C3%BC/registry/packages/"));
    }

    /**
     * The registry whose index gave a tarball outside it is written between the integrity and the URL, as the keys
     * sort, in its normal spelling, read back as written, and left out for a URL below it, which names it already: an
     * ordinary lock keeps its bytes.
     */
    @Test
    void theRegistryOfAUrlOutsideItIsWrittenSortedAndReadBackAndLeftOutForAUrlBelowIt() {
        LockedPackage onACdn = new LockedPackage(Version.parse("1.0.0"), URI.create("https://cdn.example/t-1.0.0.tgz"),
                INTEGRITY, new TreeMap<>()).givenBy(RegistryUrl.parse("HTTPS://R.example:443/reg"));
        LockFile lock = new LockFile(new TreeMap<>(Map.of(PackageName.parse("@a/first"), onACdn)));

        String written = new String(LockFiles.toBytes(lock), StandardCharsets.UTF_8);

        assertTrue(written.contains("""
                      "integrity": "%s",
                      "registry": "https://r.example/reg/",
                      "resolved": "https://cdn.example/t-1.0.0.tgz",
                """.formatted(INTEGRITY)), written);
        assertEquals(lock, LockFiles.parse(written.getBytes(StandardCharsets.UTF_8), PLAIN));
        assertEquals(lockOf(URI.create("https://r.example/reg/t-1.0.0.tgz")), LockFiles.parse(written
                .replace("https://cdn.example/", "https://r.example/reg/").getBytes(StandardCharsets.UTF_8), PLAIN));
        assertEquals(Optional.empty(), onACdn.withResolved(URI.create("https://r.example/reg/t-1.0.0.tgz")).registry(),
                "a URL below it names it");
    }

    /** A registry with a password is refused, never quoted, as a tarball URL with one is. */
    @Test
    void aRecordedRegistryWithUserInformationIsRefused() {
        String lock = new String(LockFiles.toBytes(lockOf(URI.create("https://cdn.example/t-1.0.0.tgz"))),
                StandardCharsets.UTF_8).replace("\"resolved\"", "\"registry\": \"https://u:SECRET@r.example/\",\n"
                + "      \"resolved\"");

        PrompdException refused = assertThrows(PrompdException.class,
                () -> LockFiles.parse(lock.getBytes(StandardCharsets.UTF_8), PLAIN));

        assertTrue(refused.getMessage().contains("a locked URL must not hold user information"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("SECRET"), refused.getMessage());
    }

    private static LockFile lockOf(URI resolved) {
        return new LockFile(new TreeMap<>(Map.of(PackageName.parse("@a/first"),
                new LockedPackage(Version.parse("1.0.0"), resolved, INTEGRITY, new TreeMap<>()))));
    }

    @Test
    void aMissingFileIsNoLock() throws IOException {
        assertTrue(LockFiles.read(work.resolve("prompd.lock"), PLAIN).isEmpty());
    }

    @Test
    void everyProblemIsReportedWithItsPointer() {
        String json = """
                {"lockfileVersion": 9, "packages": {
                  "@a/first": {"version": "one", "resolved": "relative.tgz", "integrity": "md5-x"},
                  "Bad Name": {"version": "1.0.0", "resolved": "https://r/x.tgz", "integrity": "%s",
                               "dependencies": {"@a/first": ">>1"}}
                }}
                """.formatted(INTEGRITY);
        PrompdException refused = assertThrows(PrompdException.class,
                () -> LockFiles.parse(json.getBytes(StandardCharsets.UTF_8), PLAIN));
        String message = refused.getMessage();
        assertEquals(ExitCode.FAILURE, refused.exitCode());
        for (String pointer : new String[] {"/lockfileVersion", "/packages/@a/first/version",
                "/packages/@a/first/resolved",
            "/packages/@a/first/integrity", "/packages/Bad Name", "/packages/Bad Name/dependencies/@a/first"}) {
            assertTrue(message.contains(pointer), pointer + " in " + message);
        }
    }

    /** Written by hand: no registry's document may name it, and no --registry the user gives would correct it. */
    @Test
    void aResolvedUrlOverASchemePrompdDoesNotDownloadOverIsAProblemAtItsPointer() {
        for (String url : List.of("ftp://x.example/a.tgz", "data:application/gzip;base64,AA==",
                "jar:file:/a.jar!/a.tgz")) {
            String json = """
                    {"lockfileVersion": 1, "packages": {
                      "@a/first": {"version": "1.0.0", "resolved": "%s", "integrity": "%s"}}}
                    """.formatted(url, INTEGRITY);

            PrompdException refused = assertThrows(PrompdException.class,
                    () -> LockFiles.parse(json.getBytes(StandardCharsets.UTF_8), PLAIN));

            assertEquals(ExitCode.FAILURE, refused.exitCode());
            assertTrue(refused.getMessage().contains("error   /packages/@a/first/resolved, line 2: '" + url
                    + "' is over " + url.substring(0, url.indexOf(':')) + ":, which prompd does not download over"),
                    refused.getMessage());
        }
    }

    /** Quoted as the lock's other URLs are, and unlike them it may hold a password, which it never shows. */
    @Test
    void aResolvedUrlThatIsNoUrlIsQuotedWithoutItsPasswordAndPointedInto() {
        String json = """
                {"lockfileVersion": 1, "packages": {
                  "@a/first": {"version": "1.0.0", "resolved": "https://me:secret@r.example/a b.tgz",
                               "integrity": "%s"}}}
                """.formatted(INTEGRITY);

        PrompdException refused = assertThrows(PrompdException.class,
                () -> LockFiles.parse(json.getBytes(StandardCharsets.UTF_8), PLAIN));

        assertTrue(refused.getMessage().contains("error   /packages/@a/first/resolved, line 2:"
                + " 'https://***@r.example/a b.tgz' is not a valid URL: illegal character in path at position 24"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
    }

    /** A problem's own hint in the refusal's text, as a value's problem has it. */
    private static final String FIX_VALUE = "\n          hint: fix the value by hand, or delete prompd.lock and run"
            + " 'prompd install' to lock again";

    @Test
    void eachProblemIsAtTheLineOfItsValueWithWhatToDoAsAManifestsAre() {
        String lock = new String(LockFiles.toBytes(lock()), StandardCharsets.UTF_8)
                .replace("\"version\": \"2.0.0\"", "\"version\": \"1.0\"").replace("https://r.example/t-1", "t-1");

        FileProblemsException refused = assertThrows(FileProblemsException.class,
                () -> LockFiles.parse(lock.getBytes(StandardCharsets.UTF_8), PLAIN));

        assertEquals(List.of("/packages/@a~1first/resolved at 9", "/packages/@b~1second/version at 15"),
                refused.problems().stream().map(problem -> problem.pointer() + " at " + problem.line()).toList());
        assertEquals(List.of(FIX_VALUE.substring(FIX_VALUE.indexOf(':') + 2)), refused.problems().stream()
                .map(Problem::hint).distinct().toList(), "what to do, as --json gives each problem");
    }

    @Test
    void aLockfileVersionIsBlamedOnANewerPrompdOnlyWhenItIsAWholeNumberAboveOne() {
        Map<String, String> expected = Map.of(
                "", "lockfileVersion is missing; it must be 1" + FIX_VALUE,
                "\"lockfileVersion\": 0,", "lockfileVersion must be 1, not 0" + FIX_VALUE,
                "\"lockfileVersion\": \"1\",", "lockfileVersion must be 1, not \"1\"" + FIX_VALUE,
                "\"lockfileVersion\": 1.5,", "lockfileVersion must be 1, not 1.5" + FIX_VALUE,
                "\"lockfileVersion\": 1e400,", "lockfileVersion must be 1, not 1E+400\n          hint: a newer"
                        + " prompd wrote it; update prompd",
                "\"lockfileVersion\": 2,", "lockfileVersion must be 1, not 2\n          hint: a newer prompd wrote it;"
                        + " update prompd",
                "\"lockfileVersion\": 2.0,", "lockfileVersion must be 1, not 2.0\n          hint: a newer prompd wrote"
                        + " it; update prompd",
                "\"lockfileVersion\": 3e0,", "lockfileVersion must be 1, not 3\n          hint: a newer prompd wrote"
                        + " it; update prompd");
        expected.forEach((field, problem) -> {
            PrompdException refused = assertThrows(PrompdException.class, () -> LockFiles.parse(
                    ("{" + field + " \"packages\": {}}").getBytes(StandardCharsets.UTF_8), PLAIN));
            assertEquals("prompd.lock cannot be read:\nprompd.lock\n  error   /lockfileVersion, line 1: " + problem
                    + "\n1 error, 0 warnings", refused.getMessage());
            assertEquals(problem.contains("a newer prompd")
                    ? "update prompd to one that reads it; deleting it would lose"
                    + " the versions it locks" : "fix it by hand, or delete it and run 'prompd install' to lock again",
                    refused.hint(), "a newer prompd's lock is never to be deleted: " + problem);
        });
    }

    @Test
    void anEmptyLockSaysSoWithTheWayOut() {
        for (String empty : new String[] {"", " \n\r\n\t"}) {
            PrompdException refused = assertThrows(PrompdException.class,
                    () -> LockFiles.parse(empty.getBytes(StandardCharsets.UTF_8), PLAIN));

            assertEquals(ExitCode.FAILURE, refused.exitCode());
            assertEquals("prompd.lock is empty", refused.getMessage());
            assertEquals("delete it and run 'prompd install' to lock again", refused.hint());
        }
    }

    @Test
    void aLockfileVersionIsReadByValueAsJsonMeansANumber() {
        for (String version : new String[] {"1", "1.0", "1e0", "10E-1"}) {
            LockFile lock = LockFiles.parse(("{\"lockfileVersion\": " + version + ", \"packages\": {}}")
                    .getBytes(StandardCharsets.UTF_8), PLAIN);
            assertTrue(lock.packages().isEmpty(), version);
        }
    }

    @Test
    void aUrlWithUserInformationIsNeverLocked() {
        assertThrows(IllegalArgumentException.class, () -> new LockedPackage(Version.parse("1.0.0"),
                URI.create("https://user:secret@r.example/t.tgz"), INTEGRITY, new TreeMap<>()));
        PrompdException refused = assertThrows(PrompdException.class, () -> LockFiles.parse("""
                {"lockfileVersion": 1, "packages": {"@a/x": {"version": "1.0.0",
                  "resolved": "https://user:secret@r.example/t.tgz", "integrity": "%s"}}}
                """.formatted(INTEGRITY).getBytes(StandardCharsets.UTF_8), PLAIN));
        assertTrue(refused.getMessage().contains("/packages/@a/x/resolved"), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret"), "a password is never repeated in a message");
    }

    @Test
    void aLockSatisfiesRootsWhoseRangesItsVersionsMeetAndDropsTheRest() {
        LockFile withExtra = new LockFile(new TreeMap<>(Map.of(
                PackageName.parse("@a/first"), locked("1.0.0", "@b/second", "^2.0.0"),
                PackageName.parse("@b/second"), locked("2.0.0"),
                PackageName.parse("@c/unused"), locked("1.0.0"))));

        LockFile kept = withExtra.satisfying(Map.of(PackageName.parse("@a/first"), VersionRange.parse("^1.0.0")))
                .orElseThrow();

        assertEquals(lock(), kept);
        assertTrue(withExtra.satisfying(Map.of(PackageName.parse("@a/first"), VersionRange.parse("^2.0.0"))).isEmpty());
        assertTrue(withExtra.satisfying(Map.of(PackageName.parse("@d/absent"), VersionRange.any())).isEmpty());
    }

    @Test
    void aLockWhoseTransitiveVersionNoLongerMeetsItsDependentIsNotSatisfying() {
        LockFile broken = new LockFile(new TreeMap<>(Map.of(
                PackageName.parse("@a/first"), locked("1.0.0", "@b/second", "^3.0.0"),
                PackageName.parse("@b/second"), locked("2.0.0"))));
        assertTrue(broken.satisfying(Map.of(PackageName.parse("@a/first"), VersionRange.any())).isEmpty());
    }

    @Test
    void locksAreEqualWhenEveryLockedPackageIs() {
        assertEquals(lock(), lock());
        assertEquals(lock().hashCode(), lock().hashCode());
        assertEquals(locked("1.0.0", "@b/second", "^2.0.0").hashCode(),
                locked("1.0.0", "@b/second", "^2.0.0").hashCode());
        assertFalse(locked("1.0.0").equals(locked("1.0.1")), "another version");
        assertFalse(locked("1.0.0").equals(locked("1.0.0", "@b/second", "^2.0.0")), "other dependencies");
        assertFalse(locked("1.0.0")
                .equals(new LockedPackage(Version.parse("1.0.0"), URI.create("https://r.example/other.tgz"),
                INTEGRITY, new TreeMap<>())), "another URL");
        assertFalse(locked("1.0.0").equals(new LockedPackage(Version.parse("1.0.0"),
                URI.create("https://r.example/t-1.0.0.tgz"), Integrity.of(new byte[1]), new TreeMap<>())),
                "another tarball");
        LockFile other = new LockFile(new TreeMap<>(Map.of(PackageName.parse("@b/second"), locked("2.0.0"))));
        assertFalse(lock().equals(other));
    }
}
