package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.testing.ProblemLocation;
import io.prompd.core.version.Version;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySnapshotTest {

    @TempDir
    Path folder;

    private static RegistrySnapshot snapshot(TestRegistryRepo repo, ObjectId commit) throws IOException {
        try (RegistryRepository registry = repo.open()) {
            return RegistrySnapshot.read(registry, commit);
        }
    }

    @Test
    void listsScopedAndUnscopedPackagesWithTheirVersionsSorted() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/base", "2.1.0");
        repo.publish("@common/base", "1.10.0");
        repo.publish("@common/base", "1.9.0");
        repo.publish("tools", "0.1.0");
        ObjectId head = repo.commit("publish");

        RegistrySnapshot snapshot = snapshot(repo, head);

        assertEquals(List.of(PackageName.parse("@common/base"), PackageName.parse("tools")),
                List.copyOf(snapshot.packages().keySet()));
        assertEquals(List.of(Version.parse("1.9.0"), Version.parse("1.10.0"), Version.parse("2.1.0")),
                List.copyOf(snapshot.packages().get(PackageName.parse("@common/base")).keySet()));
        VersionFolder tools = snapshot.folder(PackageName.parse("tools"), Version.parse("0.1.0")).orElseThrow();
        assertEquals("packages/tools/0.1.0", tools.path());
        assertEquals(List.of(), snapshot.problems());
        assertEquals(head, snapshot.commit());
    }

    /** Said as the other messages say it, not by Git's mode (40000, 120000). */
    @Test
    void aSettingsFileThatIsAFolderOrALinkIsSaidToBeOne() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.delete("registry.json").write("registry.json/x", "{}\n").delete("scopes.json")
                .symlink("scopes.json", "/etc/passwd");
        ObjectId head = repo.commit("a folder and a link");

        List<String> messages = snapshot(repo, head).problems().stream().map(Problem::message).toList();

        assertTrue(messages.contains("registry.json must be a regular file, not a folder"), messages.toString());
        assertTrue(messages.contains("scopes.json must be a regular file, not a symbolic link"), messages.toString());
    }

    /** As a meta.json is: committed from WSL's /mnt/c, a settings file is executable by accident. */
    @Test
    void anExecutableSettingsFileIsReadAsARegularOneIs() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.executable("registry.json").executable("scopes.json");
        ObjectId head = repo.commit("chmod +x");

        RegistrySnapshot snapshot = snapshot(repo, head);

        assertEquals(List.of(), snapshot.problems());
        assertEquals("Test registry", snapshot.config().orElseThrow().name());
        assertTrue(snapshot.scopes().isKnownScope("@common"));
    }

    @Test
    void readsSettingsAndCommitTime() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        Instant time = Instant.parse("2026-03-01T12:00:00Z");
        ObjectId head = repo.commit("empty", "alice", time);

        RegistrySnapshot snapshot = snapshot(repo, head);

        assertEquals("Test registry", snapshot.config().orElseThrow().name());
        assertTrue(snapshot.scopes().isKnownScope("@common"));
        assertEquals(time, snapshot.commitTime());
        assertTrue(snapshot.packages().isEmpty());
    }

    @Test
    void reportsEveryFolderThatIsNotANameOrVersion() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/base", "1.0.0");
        repo.publish("@common/base", "v1.1.0");
        repo.publish("@Common/base", "1.0.0");
        repo.publish("Bad_Name", "1.0.0");
        repo.write("packages/stray.txt", "x");
        repo.write("packages/@common/notes.txt", "x");
        repo.write("packages/@common/base/notes.txt", "x");
        ObjectId head = repo.commit("mess");

        RegistrySnapshot snapshot = snapshot(repo, head);

        assertEquals(List.of("packages/@Common", "packages/@common/base/notes.txt", "packages/@common/base/v1.1.0",
                        "packages/@common/notes.txt", "packages/Bad_Name", "packages/stray.txt"),
                snapshot.problems().stream().map(Problem::file).toList());
        assertTrue(snapshot.problems().stream().allMatch(p -> p.isError() && !p.hint().isEmpty()));
        assertEquals(Set.of(Version.parse("1.0.0")),
                snapshot.packages().get(PackageName.parse("@common/base")).keySet());
    }

    /**
     * As the check words it: the build offers a misnamed folder the name it means only when no package of the commit
     * has it or a look-alike of it, and no other misnamed folder means it; a folder of another letters' case is offered
     * its package's folder.
     */
    @Test
    void aMisnamedPackageFolderIsOfferedTheNameItMeansOnlyWhenNoOtherPackageHasIt() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/util", "1.0.0");
        repo.publish("@common/base", "1.0.0");
        for (String misnamed : List.of("_util", "_uti1", "_tool", ".Tool", "Base", "_fresh")) {
            repo.write("packages/@common/" + misnamed + "/1.1.0/prompd.json", "{}\n");
        }
        ObjectId head = repo.commit("misnamed folders");

        List<Problem> problems = snapshot(repo, head).problems();

        String startsWith = "package names start with a letter or digit, so rename the folder";
        assertEquals(List.of(
                "packages/@common/.Tool | package names are lower case and start with a letter or digit, so rename"
                        + " the folder to a name of its own (@common/tool is also the name meant by"
                        + " packages/@common/_tool)",
                "packages/@common/Base | package names are lower case, so rename the folder to packages/@common/base/",
                "packages/@common/_fresh | " + startsWith + " to packages/@common/fresh/",
                "packages/@common/_tool | " + startsWith + " to a name of its own (@common/tool is also the name meant"
                        + " by packages/@common/.Tool)",
                "packages/@common/_uti1 | " + startsWith + " to a name of its own (@common/uti1 reads like the"
                        + " existing package @common/util)",
                "packages/@common/_util | " + startsWith + " to a name of its own (@common/util is an existing"
                        + " package)"),
                problems.stream().map(problem -> problem.file() + " | " + problem.hint()).toList());
    }

    /**
     * As the check words it: only a folder naming a package of the commit but for letter case is offered its folder,
     * though another misnamed folder means the name too; one whose name in small letters is no package's is judged as
     * any misnamed folder, since that name may read like a package's.
     */
    @Test
    void onlyAFolderNamingAPackageInAnotherCaseIsOfferedThatPackagesFolder() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/toolkit", "1.0.0");
        repo.publish("@common/tool", "1.0.0");
        for (String misnamed : List.of("Tool-Kit", "Tool", "_tool")) {
            repo.write("packages/@common/" + misnamed + "/1.1.0/prompd.json", "{}\n");
        }
        ObjectId head = repo.commit("misnamed folders beside packages of their names");

        List<Problem> problems = snapshot(repo, head).problems();

        assertEquals(List.of(
                "packages/@common/Tool | package names are lower case, so rename the folder to packages/@common/tool/",
                "packages/@common/Tool-Kit | package names are lower case, so rename the folder to a name of its own"
                        + " (@common/tool-kit reads like the existing package @common/toolkit)",
                "packages/@common/_tool | package names start with a letter or digit, so rename the folder to a name"
                        + " of its own (@common/tool is an existing package)"),
                problems.stream().map(problem -> problem.file() + " | " + problem.hint()).toList());
    }

    @Test
    void aFileWhereAPackageFolderBelongsIsCalledAFileWhateverItsName() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.write("packages/README.md", "x");
        repo.write("packages/@common/Notes.md", "x");
        ObjectId head = repo.commit("notes beside the packages");

        List<Problem> problems = snapshot(repo, head).problems();

        assertEquals(List.of(RepositoryLayout.fileInsteadOfPackageFolder("packages/@common/Notes.md"),
                RepositoryLayout.fileInsteadOfPackageFolder("packages/README.md")), problems,
                "worded as the check words it, not as a package name that breaks the rules");
    }

    @Test
    void aSubmoduleWhereAFolderBelongsIsCalledAnEmbeddedRepository() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.gitlink("packages/@common/base/1.0.0", repo.head());
        ObjectId head = repo.commit("publish, with the package's .git");

        List<Problem> problems = snapshot(repo, head).problems();

        assertEquals(List.of("packages/@common/base/1.0.0"), problems.stream().map(Problem::file).toList());
        assertTrue(problems.get(0).message().contains("embedded Git repository"), problems.get(0).message());
    }

    @Test
    void missingRegistryJsonIsAProblemAndMissingScopesAreEmpty() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.init(folder);
        repo.publish("tools", "1.0.0");
        ObjectId head = repo.commit("no settings");

        RegistrySnapshot snapshot = snapshot(repo, head);

        assertTrue(snapshot.config().isEmpty());
        assertEquals(Scopes.EMPTY, snapshot.scopes());
        assertEquals(List.of("registry.json"), snapshot.problems().stream().map(Problem::file).toList());
        assertTrue(snapshot.problems().get(0).message().contains("no registry.json"));
        assertEquals(1, snapshot.packages().size());
    }

    @Test
    void aScopeGivenTwiceIsRefusedRatherThanOneOfThemLost() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.write("scopes.json", "{\"scopes\": {\n  \"@a\": {\"owners\": [\"alice\"]},\n"
                + "  \"@a\": {\"owners\": [\"mallory\"]}\n}}");
        ObjectId head = repo.commit("two @a");

        Problem problem = snapshot(repo, head).problems().get(0);

        assertEquals("scopes.json:3", ProblemLocation.of(problem));
        assertEquals("the field '@a' is given twice in the same object", problem.message());
    }

    @Test
    void invalidSettingsFilesAreReportedTogether() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.write("registry.json", "{\"name\": \"x\"}");
        repo.write("scopes.json", "{\"scopes\": []}");
        ObjectId head = repo.commit("break settings");

        RegistrySnapshot snapshot = snapshot(repo, head);

        // a missing field is placed at the object that lacks it
        assertEquals(List.of("registry.json:1 /baseUrl", "registry.json:1 /git", "scopes.json:1 /scopes"),
                snapshot.problems().stream().map(ProblemLocation::of).toList());
    }

    @Test
    void readsMetaAndDefaultsToEmpty() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/base", "1.0.0");
        repo.publish("tools", "1.0.0");
        repo.meta("@common/base", "{\"distTags\": {\"latest\": \"1.0.0\"}, \"yanked\": {\"0.9\": \"bad\"}}");
        ObjectId head = repo.commit("meta");

        RegistrySnapshot snapshot = snapshot(repo, head);

        assertEquals(Version.parse("1.0.0"), snapshot.meta(PackageName.parse("@common/base")).distTags().get("latest"));
        assertEquals(PackageMeta.EMPTY, snapshot.meta(PackageName.parse("tools")));
        assertEquals(List.of("packages/@common/base/meta.json:1 /yanked/0.9"),
                snapshot.metaProblems(PackageName.parse("@common/base")).stream().map(ProblemLocation::of).toList());
        assertEquals(List.of(), snapshot.metaProblems(PackageName.parse("tools")));
        assertEquals(List.of(), snapshot.problems(), "a meta.json's problems are its package's, not the layout's");
    }

    @Test
    void readsABareRepository(@TempDir Path bare) throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("tools", "1.0.0");
        ObjectId head = repo.commit("publish");
        repo.bareClone(bare);

        try (RegistryRepository registry = RegistryRepository.open(bare, bare)) {
            RegistrySnapshot snapshot = RegistrySnapshot.read(registry, registry.resolve("--rev", "main"));

            assertEquals(head, snapshot.commit());
            assertEquals(Set.of(PackageName.parse("tools")), snapshot.packages().keySet());
            assertEquals("MIT License\n", new String(snapshot.source(snapshot.folder(PackageName.parse("tools"),
                    Version.parse("1.0.0")).orElseThrow()).read("LICENSE"), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
