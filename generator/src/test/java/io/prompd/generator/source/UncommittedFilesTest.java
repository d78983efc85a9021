package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.generator.testing.TestRegistryRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegistryRepository#uncommitted}: what of the working tree under packages/ the commit checked out lacks. */
class UncommittedFilesTest {

    @TempDir
    Path folder;

    private TestRegistryRepo repo;
    private ObjectId head;

    @BeforeEach
    void publishTwoPackages() {
        repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/base", "1.0.0");
        repo.publish("tools", "1.0.0");
        repo.meta("@common/base", "{\"dist-tags\": {\"latest\": \"1.0.0\"}}");
        head = repo.commit("publish");
    }

    private List<String> uncommitted() throws Exception {
        try (RegistryRepository registry = repo.open()) {
            return registry.uncommitted(head, List.of()).map(UncommittedFiles::paths).orElse(List.of());
        }
    }

    @Test
    void aWorkingTreeAsCommittedHasNothingUncommittedThoughItsFilesWereWrittenAgain() throws Exception {
        repo.meta("@common/base", "{\"dist-tags\": {\"latest\": \"1.0.0\"}}");
        repo.write("packages/tools/1.0.0/README.md", "# tools\n\nA test package.\n");

        assertEquals(List.of(), uncommitted());
    }

    @Test
    void versionFoldersAddedAndAnEditedMetaFileAreEachListedByTheirFiles() throws Exception {
        repo.publish("@common/base", "1.1.0");
        repo.publish("tools", "2.0.0");
        repo.meta("@common/base", "{\"dist-tags\": {\"latest\": \"1.1.0\"}}");
        repo.write("packages/@common/README.md", "a file beside the packages of a scope");

        assertEquals(List.of("packages/@common/README.md", "packages/@common/base/1.1.0/LICENSE",
                "packages/@common/base/1.1.0/README.md", "packages/@common/base/1.1.0/prompd.json",
                "packages/@common/base/1.1.0/prompts/x.prmd", "packages/@common/base/meta.json",
                "packages/tools/2.0.0/LICENSE", "packages/tools/2.0.0/README.md", "packages/tools/2.0.0/prompd.json",
                "packages/tools/2.0.0/prompts/x.prmd"), uncommitted());
    }

    /**
     * Inside a version folder the commit holds, nothing is looked for: versions are immutable, and the check refuses
     * such a change once committed, naming the file; only the whole folder's absence is seen.
     */
    @Test
    void aVersionFolderDeletedIsListedByItsFilesAndChangesInsideOneAreNotLookedFor() throws Exception {
        repo.delete("packages/@common/base/1.0.0/LICENSE");
        repo.write("packages/@common/base/1.0.0/README.md", "changed");
        repo.delete("packages/tools/1.0.0");

        assertEquals(List.of("packages/tools/1.0.0/LICENSE", "packages/tools/1.0.0/README.md",
                "packages/tools/1.0.0/prompd.json", "packages/tools/1.0.0/prompts/x.prmd"), uncommitted());
    }

    /** A version still being written, as one a pull request adds, is looked inside in full. */
    @Test
    void aFolderNamedUnpublishedIsLookedInside() throws Exception {
        repo.write("packages/tools/1.0.0/README.md", "changed");
        repo.delete("packages/tools/1.0.0/LICENSE");

        try (RegistryRepository registry = repo.open()) {
            assertEquals(Optional.of(List.of("packages/tools/1.0.0/LICENSE", "packages/tools/1.0.0/README.md")),
                    registry.uncommitted(head, List.of("packages/tools/1.0.0")).map(UncommittedFiles::paths));
        }
        assertEquals(List.of(), uncommitted(), "looked inside only when named");
    }

    @Test
    void aVersionStagedButNotCommittedIsListed() throws Exception {
        repo.publish("@common/base", "1.1.0");
        try (Git git = Git.open(folder.toFile())) {
            git.add().addFilepattern("packages").call();
        }

        assertEquals(List.of("packages/@common/base/1.1.0/LICENSE", "packages/@common/base/1.1.0/README.md",
                "packages/@common/base/1.1.0/prompd.json", "packages/@common/base/1.1.0/prompts/x.prmd"),
                uncommitted());
    }

    @Test
    void filesGitIgnoresAreLeftOutWhereverTheyAre() throws Exception {
        repo.write(".gitignore", ".DS_Store\n");
        head = repo.commit("ignore Finder's files");
        repo.write("packages/.DS_Store", "x");
        repo.write("packages/@common/.DS_Store", "x");
        repo.write("packages/@common/base/.DS_Store", "x");
        repo.write("packages/tools/1.0.0/.DS_Store", "x");

        assertEquals(List.of(), uncommitted());
    }

    @Test
    void aWorkingTreeWithoutPackagesListsEveryCommittedFileAsMissing() throws Exception {
        repo.delete("packages");

        assertEquals(9, uncommitted().size());
    }

    @Test
    void anotherCommitThanHeadOwesNothingToTheWorkingTree() throws Exception {
        repo.publish("tools", "2.0.0");
        ObjectId later = repo.commit("publish tools 2.0.0");
        repo.publish("tools", "3.0.0");

        assertEquals(List.of(), uncommitted());
        try (RegistryRepository registry = repo.open()) {
            assertEquals(Optional.of(4), registry.uncommitted(later, List.of()).map(files -> files.paths().size()));
        }
    }
}
