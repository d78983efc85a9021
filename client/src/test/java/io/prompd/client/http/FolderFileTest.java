package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.protocol.Urls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry folder's files, and a lock's {@code file:} URLs, are read only when regular, and once. The tests of a
 * pipe run in a thread of their own, as a read waiting on one is not interrupted: without the check they time out.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FolderFileTest {

    private static final byte[] TARBALL = "the bytes of a tarball".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;

    @TempDir
    Path registry;

    @TempDir
    Path store;

    private final Fetchers.RecordingSleeper sleeper = new Fetchers.RecordingSleeper();

    private RegistryFetcher fetcher() {
        return new RegistryFetcher(cache, false, Fetchers.QUICK, sleeper, Fetchers.CLOCK, System::nanoTime,
                RequestListener.NONE);
    }

    private static void mkfifo(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Process made = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertTrue(made.waitFor(10, TimeUnit.SECONDS) && made.exitValue() == 0, "mkfifo " + file);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeWhereADocumentGoesIsRefusedAtOnceNamingIt() throws Exception {
        Path index = registry.resolve("packages/@a/b/index.json");
        mkfifo(index);

        FetchFailure failure = assertThrows(FetchFailure.class,
                () -> fetcher().fetchDocument(index.toUri()).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("cannot read " + Urls.display(index.toUri()) + ": it is a pipe (FIFO), not a regular file",
                failure.getMessage());
        assertTrue(failure.hint().contains("regular files"), failure.hint());
        assertTrue(failure.hint().contains("prompd.lock"), failure.hint());
        assertEquals(0, sleeper.waits.size(), "nothing on the way to a disk passes with a second try");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeWhereATarballGoesIsRefusedAndNothingIsKept() throws Exception {
        Path tarball = registry.resolve("packages/@a/b/-/b-1.0.0.tgz");
        mkfifo(tarball);
        Path target = store.resolve("b-1.0.0.tgz");

        FetchFailure failure = assertThrows(FetchFailure.class, () -> fetcher().download(tarball.toUri(), target,
                Integrity.of(TARBALL), OptionalLong.empty(), ProgressListener.NONE));

        assertTrue(failure.getMessage().endsWith(": it is a pipe (FIFO), not a regular file"), failure.getMessage());
        try (var left = Files.list(store)) {
            assertEquals(0, left.count());
        }
    }

    /** A project's lock may name a device as a version's tarball, /dev/stdin as well as /dev/null. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeviceIsRefusedAsOne() {
        URI device = URI.create("file:///dev/null");

        FetchFailure failure = assertThrows(FetchFailure.class, () -> fetcher().download(device,
                store.resolve("b-1.0.0.tgz"), Integrity.of(TARBALL), OptionalLong.empty(), ProgressListener.NONE));

        assertEquals("cannot read file:///dev/null: it is a character device, not a regular file",
                failure.getMessage());
    }

    /** A mirror made of links works; a link to a device is named with where it leads, once, and no server is blamed. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLinkIsFollowedToARegularFileButNotToADevice() throws IOException {
        Path original = Files.write(registry.resolve("original.tgz"), TARBALL);
        Path mirrored = Files.createSymbolicLink(registry.resolve("b-1.0.0.tgz"), original);
        Path zeros = Files.createSymbolicLink(registry.resolve("index.json"), Path.of("/dev/zero"));

        fetcher().download(mirrored.toUri(), store.resolve("b-1.0.0.tgz"), Integrity.of(TARBALL),
                OptionalLong.empty(), ProgressListener.NONE);
        FetchFailure failure = assertThrows(FetchFailure.class,
                () -> fetcher().fetchDocument(zeros.toUri()).read(Function.identity()));

        assertArrayEquals(TARBALL, Files.readAllBytes(store.resolve("b-1.0.0.tgz")));
        assertTrue(failure.getMessage().endsWith("index.json: it is a link to /dev/zero, a character device, not a"
                + " regular file"), failure.getMessage());
        assertEquals(0, sleeper.waits.size(), "tried once");
    }

    @Test
    void aFolderIsNamedAsOne() {
        FetchFailure failure = assertThrows(FetchFailure.class,
                () -> fetcher().fetchDocument(registry.toUri()).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertTrue(failure.getMessage().endsWith(": it is a folder, not a regular file"), failure.getMessage());
    }

    @Test
    void aMissingFileIsStillNotFound() {
        PrompdException failure = assertThrows(PrompdException.class, () -> fetcher()
                .fetchDocument(registry.resolve("registry.json").toUri()).read(Function.identity()));

        assertInstanceOf(NotFound.class, failure);
    }
}
