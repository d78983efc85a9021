package io.prompd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.Processes;
import io.prompd.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product as its users meet it: the generator builds the index-template registry and a
 * private registry from Git, a real nginx serves them (the private one behind basic
 * authentication), and the client installs, inspects and updates a project against them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryEndToEndIT {

    private static final String USER = "e2e";
    private static final String PASSWORD = "s3cret-pa55";

    @TempDir
    static Path work;

    private Nginx nginx;
    private Path home;
    private Path project;

    @BeforeAll
    void buildAndServeRegistries() throws Exception {
        // nginx's workers run as an unprivileged user: they must be able to enter the test's folder.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path publicRepo = copyIntoNewRepository(SharedData.repositoryFolder("index-template"),
                work.resolve("public-repo"));
        Path privateRepo = privateRegistry(work.resolve("private-repo"));
        build(publicRepo, work.resolve("site/public"));
        build(privateRepo, work.resolve("site/private"));
        nginx = Nginx.start(Files.createDirectories(work.resolve("nginx")), List.of(
                Nginx.Location.open("/public/", work.resolve("site/public")),
                new Nginx.Location("/private/", work.resolve("site/private"), USER, PASSWORD)));
        home = work.resolve("home");
        project = Files.createDirectories(work.resolve("project"));
        Files.writeString(project.resolve("prompd.json"), """
                {
                  "name": "e2e-project",
                  "version": "1.0.0",
                  "description": "A project that uses registry packages",
                  "license": "MIT"
                }
                """, StandardCharsets.UTF_8);
    }

    @AfterAll
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private Processes.Run prompd(String stdin, String... args) throws IOException, InterruptedException {
        return Jars.run(Jars.PROMPD, project, Map.of("PROMPD_HOME", home.toString()), stdin, args);
    }

    @Test
    @Order(1)
    void configureRegistriesAndLogIn() throws Exception {
        prompd("", "registry", "add", "public", nginx.url("/public/"), "--default").ok();
        prompd("", "registry", "add", "private", nginx.url("/private/"), "--scope", "@private").ok();
        Processes.Run typo = prompd("typo\n", "login", "--registry", "private", "--username", USER);
        assertEquals(5, typo.exitCode(), "nginx refuses a wrong password, and login with it: " + typo.err());
        assertTrue(typo.err().contains("nothing was stored"), typo.err());
        Processes.Run token = prompd(PASSWORD + "\n", "login", "--registry", "private");
        assertEquals(5, token.exitCode(), token.err());
        assertTrue(token.err().contains("'prompd login --registry private --username USER'"),
                "nginx's Basic challenge asks for a user: " + token.err());
        Processes.Run login = prompd(PASSWORD + "\n", "login", "--registry", "private", "--username", USER).ok();
        assertFalse(login.out().contains(PASSWORD) || login.err().contains(PASSWORD), "the password is never shown");
        Processes.Run list = prompd("", "config", "list").ok();
        assertFalse(list.out().contains(PASSWORD), list.out());
    }

    @Test
    @Order(2)
    void installFromThePublicAndThePrivateRegistry() throws Exception {
        Processes.Run install = prompd("", "install", "@prompd/code-reviewer@^1.1", "@private/team-prompts").ok();
        assertFalse(install.out().contains(PASSWORD) || install.err().contains(PASSWORD));

        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@prompd/code-reviewer\": \"^1.1\""), manifest);
        assertTrue(manifest.contains("\"@private/team-prompts\": \"^1.0.0\""), manifest);
        String lock = Files.readString(project.resolve("prompd.lock"));
        assertTrue(lock.contains("sha512-"), lock);
        assertFalse(lock.contains(PASSWORD), "no credential in the lock file");
        assertTrue(Files.isRegularFile(home.resolve("packages/@prompd/code-reviewer@1.2.0/prompd.json")));
        assertTrue(Files.isRegularFile(home.resolve("packages/@common/base-prompts@2.1.0/prompd.json")));
        assertTrue(Files.isRegularFile(home.resolve("packages/@private/team-prompts@1.0.0/prompts/triage.prmd")));
    }

    @Test
    @Order(3)
    void treeAndInfoDescribeWhatIsInstalled() throws Exception {
        Processes.Run tree = prompd("", "tree").ok();
        assertTrue(tree.out().contains("@prompd/code-reviewer@1.2.0"), tree.out());
        assertTrue(tree.out().contains("@common/base-prompts@2.1.0"), tree.out());
        Processes.Run info = prompd("", "info", "@prompd/code-reviewer").ok();
        assertTrue(info.out().contains("1.2.0"), info.out());
        assertTrue(info.out().contains("next"), "dist-tags are shown: " + info.out());
    }

    @Test
    @Order(4)
    void reinstallWithTheLockChangesNothingAndUpdateStaysInRange() throws Exception {
        String lockBefore = Files.readString(project.resolve("prompd.lock"));
        prompd("", "install", "--frozen").ok();
        assertEquals(lockBefore, Files.readString(project.resolve("prompd.lock")));
        prompd("", "update").ok();
        String lockAfter = Files.readString(project.resolve("prompd.lock"));
        assertTrue(lockAfter.contains("1.2.0"), lockAfter);
        assertFalse(lockAfter.contains("2.0.0-beta.1"), "update never leaves the range for a pre-release");
    }

    @Test
    @Order(5)
    void thePrivateRegistryRefusesWithoutCredentials() throws Exception {
        Processes.Run logout = prompd("", "logout", "--registry", "private");
        assertEquals(0, logout.exitCode(), logout.err());
        Path other = Files.createDirectories(work.resolve("other-home"));
        Processes.Run refused = Jars.run(Jars.PROMPD, project, Map.of("PROMPD_HOME", other.toString()), "",
                "info", "@private/team-prompts", "--registry", nginx.url("/private/"));
        assertEquals(5, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--username USER"), "the hint says how to log in: " + refused.err());
    }

    private static void build(Path repository, Path out) throws Exception {
        Jars.run(Jars.REGISTRY, repository, Map.of(), "", "build", repository.toString(), "--out", out.toString()).ok();
    }

    private static Path copyIntoNewRepository(Path source, Path target) throws Exception {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        commitAll(target, "Seed the registry");
        return target;
    }

    private static Path privateRegistry(Path repository) throws Exception {
        write(repository, "registry.json", """
                {"name": "acme-private", "baseUrl": "https://prompts.acme.example/", "git": "https://git.acme.example/prompts.git",
                 "maintainers": ["ops"], "private": true}
                """);
        write(repository, "scopes.json", """
                {"scopes": {"@private": {"owners": ["ops"]}}, "teams": {}}
                """);
        String version = "packages/@private/team-prompts/1.0.0/";
        write(repository, version + "prompd.json", """
                {
                  "name": "@private/team-prompts",
                  "version": "1.0.0",
                  "description": "Acme's internal triage prompt",
                  "license": "UNLICENSED",
                  "main": "prompts/triage.prmd",
                  "dependencies": {"@common/base-prompts": "^2.0.0"}
                }
                """);
        write(repository, version + "README.md", "# @private/team-prompts\n\nInternal prompts.\n");
        write(repository, version + "prompts/triage.prmd", """
                ---
                id: triage
                description: Sorts an incoming ticket
                parameters:
                  - name: ticket
                    type: string
                    required: true
                ---
                # User

                Classify this ticket by urgency and team: {{ ticket }}
                """);
        commitAll(repository, "Publish @private/team-prompts 1.0.0");
        return repository;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void commitAll(Path repository, String message) throws Exception {
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent author = new PersonIdent("Registry Bot", "bot@example.org",
                    Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);
            git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
        }
    }
}
