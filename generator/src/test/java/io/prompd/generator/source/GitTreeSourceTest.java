package io.prompd.generator.source;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Packer;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.EntryKind;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.version.Version;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTreeSourceTest {

    private static final String FOLDER = "packages/@common/base/1.0.0";

    @TempDir
    Path folder;

    private GitTreeSource source;
    private ObjectId head;

    @BeforeEach
    void publishAPackageWithEveryKindOfEntry() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/base", "1.0.0");
        repo.write(FOLDER + "/run.sh", "#!/bin/sh\n").executable(FOLDER + "/run.sh");
        repo.symlink(FOLDER + "/link.md", "README.md");
        repo.writeBytes(FOLDER + "/prompts.bin", new byte[] {0, 1, 2});
        head = repo.commit("publish");
        try (RegistryRepository registry = repo.open()) {
            RegistrySnapshot snapshot = RegistrySnapshot.read(registry, head);
            source = snapshot.source(snapshot.folder(PackageName.parse("@common/base"), Version.parse("1.0.0"))
                    .orElseThrow());
        }
    }

    @Test
    void listsEntriesSortedByPathWithKindsAndSizes() {
        assertEquals(List.of(
                new SourceEntry("LICENSE", EntryKind.FILE, "MIT License\n".length()),
                new SourceEntry("README.md", EntryKind.FILE, "# @common/base\n\nA test package.\n".length()),
                new SourceEntry("link.md", EntryKind.SYMLINK, 0),
                new SourceEntry("prompd.json", EntryKind.FILE, source.entry("prompd.json").orElseThrow().size()),
                new SourceEntry("prompts.bin", EntryKind.FILE, 3),
                new SourceEntry("prompts/x.prmd", EntryKind.FILE, source.entry("prompts/x.prmd").orElseThrow().size()),
                new SourceEntry("run.sh", EntryKind.FILE, "#!/bin/sh\n".length())), source.entries());
    }

    @Test
    void aFileExecutableInGitOrOnDiskPacksToTheBytesOfAPlainOne(@TempDir Path other) throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(other)) {
            String version = repo.publish("@common/tools", "1.0.0");
            ObjectId plain = repo.commit("publish");
            repo.executable(version + "/prompts/x.prmd");
            ObjectId executable = repo.commit("the prompt as 100755");

            byte[] packed = pack(committed(repo, plain));

            assertArrayEquals(packed, pack(committed(repo, executable)), "committed as 100755");
            assertArrayEquals(packed, pack(new DirectorySource(other.resolve(version))), "executable on disk");
        }
    }

    private static GitTreeSource committed(TestRegistryRepo repo, ObjectId commit) throws IOException {
        try (RegistryRepository registry = repo.open()) {
            RegistrySnapshot snapshot = RegistrySnapshot.read(registry, commit);
            return snapshot.source(snapshot.folder(PackageName.parse("@common/tools"), Version.parse("1.0.0"))
                    .orElseThrow());
        }
    }

    private static byte[] pack(PackageSource source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Packer.pack(source, new PackageValidator(ArchiveLimits.DEFAULT, PLAIN).validate(source).selection(), out);
        return out.toByteArray();
    }

    @Test
    void readsBlobContents() throws IOException {
        assertArrayEquals(new byte[] {0, 1, 2}, source.read("prompts.bin"));
        String manifest = new String(source.read("prompd.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"name\": \"@common/base\""));
        assertEquals(source.entry("prompd.json").orElseThrow().size(),
                manifest.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void refusesToOpenMissingFilesAndLinks() {
        assertThrows(NoSuchFileException.class, () -> source.open("nope.md"));
        NoSuchFileException link = assertThrows(NoSuchFileException.class, () -> source.open("link.md"));
        assertTrue(link.getMessage().contains("SYMLINK"));
    }

    @Test
    void describesCommitAndFolder() {
        assertEquals(head.abbreviate(7).name() + ":" + FOLDER, source.describe());
    }

    @Test
    void reportsASubmoduleAsOther(@TempDir Path other) throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.init(other);
        repo.write("packages/tools/1.0.0/prompd.json", "{}");
        repo.commit("publish");
        repo.gitlink("packages/tools/1.0.0/vendor", head);
        ObjectId commit = repo.commit("add submodule");
        try (RegistryRepository registry = repo.open()) {
            RegistrySnapshot snapshot = RegistrySnapshot.read(registry, commit);
            GitTreeSource withLink = snapshot.source(snapshot.folder(PackageName.parse("tools"), Version.parse("1.0.0"))
                    .orElseThrow());

            assertEquals(new SourceEntry("vendor", EntryKind.OTHER, 0), withLink.entry("vendor").orElseThrow());
            assertTrue(withLink.isSubmodule("vendor"));
            assertFalse(withLink.isSubmodule("prompd.json"));
        }
    }
}
