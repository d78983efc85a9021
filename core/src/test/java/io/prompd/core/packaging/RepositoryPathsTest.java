package io.prompd.core.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryPathsTest {

    @Test
    void aVersionsFilesLieInItsFolderUnderPackages() {
        assertEquals("packages/@common/deep/0.1.0",
                RepositoryPaths.versionFolder(PackageName.parse("@common/deep"), Version.parse("0.1.0")));
    }

    @Test
    void aPathWithinTheLimitFits() {
        assertEquals(Optional.empty(), RepositoryPaths.overLimit("a/".repeat(99) + "bc", 200));
    }

    @Test
    void aFileLongerThanTheLimitInAFolderWithinItIsTheFilesProblem() {
        String path = "a/".repeat(99) + "bcd";

        assertEquals(Optional.of(path), RepositoryPaths.overLimit(path, 200));
        assertEquals("the path", RepositoryPaths.whose(path));
        assertEquals(201, RepositoryPaths.lengthOf(path));
    }

    /** One folder's fix serves every file in it, so it is told once, at the first folder over the limit. */
    @Test
    void aFolderLongerThanTheLimitIsTheProblemOfTheFirstSuchFolder() {
        String folder = "x".repeat(201) + "/";

        assertEquals(Optional.of(folder), RepositoryPaths.overLimit(folder + "y/z.md", 200));
        String fits = "x".repeat(200) + "/z.md";
        assertEquals(Optional.of(fits), RepositoryPaths.overLimit(fits, 200), "a folder of the limit's length fits");
        assertEquals("the folder's path", RepositoryPaths.whose(folder));
        assertEquals(201, RepositoryPaths.lengthOf(folder));
    }

    /** Windows counts UTF-16 units: an emoji is two, as a CJK character is one. */
    @Test
    void theLengthIsCountedAsWindowsCountsIt() {
        assertEquals(Optional.empty(), RepositoryPaths.overLimit("\u8aac".repeat(200), 200));
        assertEquals(Optional.of("\uD83D\uDE00".repeat(101)), RepositoryPaths.overLimit("\uD83D\uDE00".repeat(101),
                200));
    }
}
