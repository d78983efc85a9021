package io.prompd.generator.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.generator.testing.OtherGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

    @TempDir
    Path temp;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void publish(Path out, String content) throws IOException {
        try (StagingArea staging = StagingArea.create(out, Files.exists(out) ? Optional.of(out) : Optional.empty())) {
            staging.write("packages/@a/b/index.json", bytes(content));
            staging.publish();
        }
    }

    @Test
    void theRetiredBuildStaysUntilTheNextBuildDeletesIt() throws IOException {
        Path out = temp.resolve("out");
        Path retired = temp.resolve(".out.old");
        publish(out, "first");
        assertFalse(Files.exists(retired), "a first build retires nothing");
        publish(out, "second");
        assertTrue(Files.isRegularFile(retired.resolve("packages/@a/b/index.json")), "kept until the next build");
        publish(out, "third");
        assertArrayEquals(bytes("third"), Files.readAllBytes(out.resolve("packages/@a/b/index.json")));
        assertArrayEquals(bytes("second"), Files.readAllBytes(retired.resolve("packages/@a/b/index.json")),
                "the older retired build was deleted before this one was retired");
    }

    @Test
    void theOutputFolderKeepsTheModeOfTheFolderItReplacesAndPassesItsSetGroupIdBitOn() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        // a folder prepared for a web server that reads it as a member of its group
        Files.setAttribute(out, "unix:mode", 02750);

        publish(out, "first");
        assertEquals("2750", mode(out));
        assertEquals("2755", mode(out.resolve("packages/@a")),
                "below it a folder's mode, with the set-group-ID bit that gives files the folder's group");
        publish(out, "second");
        assertEquals("2750", mode(out), "every build");
    }

    @Test
    void theOutputFolderKeepsTheGroupOfTheFolderItReplaces() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        int group = OtherGroup.give(out);

        publish(out, "first");

        assertEquals(group, Files.getAttribute(out, "unix:gid"));
    }

    @Test
    void aFileCarriedOverAfterTheOutputFolderWasGivenToAnotherGroupIsCopiedIntoItLeavingTheServedFileAsItWas()
            throws IOException {
        Path out = temp.resolve("out");
        try (StagingArea staging = StagingArea.create(out, Optional.empty())) {
            staging.write("packages/@a/b/index.json", bytes("linked alone"));
            staging.write("packages/@c/d/-/d-1.0.0.tgz", bytes("linked with its folder"));
            staging.publish();
        }
        int before = (int) Files.getAttribute(out, "unix:gid");
        // as an operator sets a folder up for the web server: chgrp www-data out && chmod g+s out
        int group = OtherGroup.give(out);
        Files.setAttribute(out, "unix:mode", 02755);
        List<String> carried = List.of("packages/@a/b/index.json", "packages/@c/d/-/d-1.0.0.tgz");
        Map<String, Object> mtimes = new TreeMap<>();
        for (String file : carried) {
            mtimes.put(file, Files.getLastModifiedTime(out.resolve(file)));
        }

        try (StagingArea staging = StagingArea.create(out, Optional.of(out))) {
            staging.link("packages/@a/b/index.json");
            staging.linkFolder("packages/@c/d");
            staging.write("packages/@e/f/index.json", bytes("new"));
            staging.publish();
        }

        assertEquals(group, Files.getAttribute(out.resolve("packages/@e/f/index.json"), "unix:gid"), "a new file");
        for (String file : carried) {
            assertEquals(group, Files.getAttribute(out.resolve(file), "unix:gid"), file);
            assertEquals("644", mode(out.resolve(file)), file);
            assertEquals(mtimes.get(file), Files.getLastModifiedTime(out.resolve(file)), file + " keeps its mtime");
            assertEquals(before, Files.getAttribute(temp.resolve(".out.old").resolve(file), "unix:gid"),
                    "the output served until the new one replaced it stayed as it was: " + file);
        }
    }

    @Test
    void anOutputFolderItsOwnerMayNotWriteInIsWrittenAndThenGetsItsMode() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        Files.setAttribute(out, "unix:mode", 0555);

        publish(out, "first");

        assertEquals("555", mode(out));
        assertArrayEquals(bytes("first"), Files.readAllBytes(out.resolve("packages/@a/b/index.json")));
    }

    @Test
    void aRetiredBuildOfAnOutputFolderItsOwnerMayNotWriteInIsMadeWritableAndDeleted() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        Path retired = temp.resolve(".out.old");
        Files.setAttribute(out, "unix:mode", 0555);
        publish(out, "first");
        publish(out, "second");
        assertEquals("555", mode(retired), "retired with the mode it had");
        String[] modeWhenDeleted = new String[1];

        // root deletes what a 0555 folder holds anyway: the mode the deletion is given tells
        try (StagingArea staging = StagingArea.create(out, Optional.of(out), folder -> {
            modeWhenDeleted[0] = mode(folder);
            OutputFolder.deleteTree(folder);
        }, StagingArea::atomicMove)) {
            staging.write("packages/@a/b/index.json", bytes("third"));
            staging.publish();
        }

        assertEquals("755", modeWhenDeleted[0], "its owner may empty it; group and others as they were");
        assertEquals("555", mode(out));
        assertArrayEquals(bytes("third"), Files.readAllBytes(out.resolve("packages/@a/b/index.json")));
        assertArrayEquals(bytes("second"), Files.readAllBytes(retired.resolve("packages/@a/b/index.json")),
                "the older retired build was deleted before this one was retired");
    }

    /** The mode of a file or folder in octal, the way chmod takes it. */
    private static String mode(Path path) throws IOException {
        return Integer.toOctalString((int) Files.getAttribute(path, "unix:mode") & 07777);
    }

    @Test
    void aStagingFolderLeftBehindIsNotBuiltOnUntilRecoveryRemovesIt() throws IOException {
        Path out = temp.resolve("out");
        Path left = Files.createDirectories(temp.resolve(".out.staging/packages/@a/b"));
        Files.writeString(left.resolve("stale.json"), "from a killed build");

        assertThrows(FileAlreadyExistsException.class, () -> StagingArea.create(out, Optional.empty()));
        OutputFolder.recoverFromKilledBuild(out);
        publish(out, "first");

        assertFalse(Files.exists(out.resolve("packages/@a/b/stale.json")));
    }

    @Test
    void noStagingFolderIsCreatedForAMountPointWhichPublishCouldNotReplace() {
        // a mount point on every Linux, another file system than the root's
        Path mount = Path.of("/proc");

        PrompdException refused = assertThrows(PrompdException.class,
                () -> StagingArea.create(mount, Optional.empty()));

        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertEquals("build into a folder inside the mount, such as --out /proc/site", refused.hint());
        assertFalse(Files.exists(Path.of("/.proc.staging")));
    }

    @Test
    void aBuildThatIsNotPublishedStillDeletesTheRetiredBuild() throws IOException {
        Path out = temp.resolve("out");
        publish(out, "first");
        publish(out, "second");
        try (StagingArea staging = StagingArea.create(out, Optional.of(out))) {
            staging.write("packages/@a/b/index.json", bytes("never published"));
        }
        assertFalse(Files.exists(temp.resolve(".out.old")));
        assertFalse(Files.exists(temp.resolve(".out.staging")));
        assertArrayEquals(bytes("second"), Files.readAllBytes(out.resolve("packages/@a/b/index.json")));
    }

    @Test
    void aRetiredBuildThatCannotBeDeletedIsNamedOnceWithWhatToDo() throws IOException {
        Path out = temp.resolve("out");
        Path retired = temp.resolve(".out.old");
        publish(out, "first");
        publish(out, "second");
        AccessDeniedException denied = new AccessDeniedException(retired.resolve("packages/@a").toString());

        PrompdException failed;
        try (StagingArea staging = StagingArea.create(out, Optional.of(out), folder -> {
            throw denied;
        }, StagingArea::atomicMove)) {
            staging.write("packages/@a/b/index.json", bytes("third"));
            failed = assertThrows(PrompdException.class, staging::publish);
        }

        assertEquals(ExitCode.FAILURE, failed.exitCode());
        assertEquals("cannot delete " + retired + ", the output that the last build replaced (permission denied: "
                + retired.resolve("packages/@a") + ")", failed.getMessage());
        assertEquals("delete " + retired + " yourself (it holds only that old output; check the permissions of its"
                + " files and folders), then build again", failed.hint());
        assertSame(denied, failed.getCause());
        assertArrayEquals(bytes("second"), Files.readAllBytes(out.resolve("packages/@a/b/index.json")),
                "the output stays as it was");
        assertFalse(Files.exists(temp.resolve(".out.staging")),
                "closing, which does not report it again, removes the staging");
    }

    @Test
    void aPublishThatCanPutNeitherBuildInPlaceKeepsBothNamesThemAndTheNextBuildPutsTheServedOneBack()
            throws IOException {
        // a name with a space, which the suggested mv must quote to be pasted into a shell
        Path out = temp.resolve("the out");
        Path retired = temp.resolve(".the out.old");
        Path staging = temp.resolve(".the out.staging");
        publish(out, "first");
        publish(out, "second");
        // what tells the next build's recovery a build from anything else
        Files.writeString(out.resolve(BuildState.FILE), "{\"commit\": \"" + "0".repeat(40) + "\"}");

        PrompdException failed;
        try (StagingArea area = StagingArea.create(out, Optional.of(out), OutputFolder::deleteTree, (from, to) -> {
            if (to.equals(out)) {
                throw new FileSystemException(out.toString(), null, "Device or resource busy");
            }
            StagingArea.atomicMove(from, to);
        })) {
            area.write("packages/@a/b/index.json", bytes("third"));
            failed = assertThrows(PrompdException.class, area::publish);
        }

        assertEquals(ExitCode.FAILURE, failed.exitCode());
        assertEquals("cannot put the new build in place of " + out + " (" + out + ": Device or resource busy), nor the"
                + " output it replaced back (" + out + ": Device or resource busy): " + out + " is missing; the output"
                + " served until now is in " + retired + ", the new build in " + staging, failed.getMessage());
        assertEquals("delete neither; fix the cause, then build again, which puts " + retired + " back and builds on"
                + " it (or rename it back yourself to serve it now: mv '" + retired + "' '" + out + "')", failed.hint());
        assertEquals(List.of(out + ": Device or resource busy"), Arrays.stream(failed.getCause().getSuppressed())
                .map(Throwable::getMessage).toList(), "the failure to put it back, beside the cause");
        assertFalse(Files.exists(out));
        assertArrayEquals(bytes("third"), Files.readAllBytes(staging.resolve("packages/@a/b/index.json")),
                "closing kept the new build");

        OutputFolder.recoverFromKilledBuild(out);

        assertArrayEquals(bytes("second"), Files.readAllBytes(out.resolve("packages/@a/b/index.json")),
                "the output served until the failed publish is back in place");
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(retired));
    }
}
