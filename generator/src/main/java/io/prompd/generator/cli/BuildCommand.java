package io.prompd.generator.cli;

import io.prompd.cli.JsonOption;
import io.prompd.cli.ProgressLine;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.json.Json;
import io.prompd.core.problem.ProblemReport;
import io.prompd.core.problem.ValidationException;
import io.prompd.generator.build.BuildOptions;
import io.prompd.generator.build.BuildResult;
import io.prompd.generator.build.HeadTakedowns;
import io.prompd.generator.build.RegistryBuilder;
import io.prompd.generator.source.BaseUrl;
import io.prompd.generator.source.UrlUserPart;
import io.prompd.generator.source.RegistryRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code prompd-registry build}: writes the static registry of a commit. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the static registry (JSON documents and tarballs) of a registry commit into a folder.",
                "Only what changed since the build already in the folder is written; the folder is left as it"
                        + " was when the build fails, and replaced when it succeeds by two renames (DIR to"
                        + " .DIR.old, then the new build to DIR): a build killed between the two leaves no DIR"
                        + " until the next build, which puts .DIR.old back first ('serve DIR' serves it"
                        + " meanwhile).",
                "With --json, a build failing on the registry's problems prints {\"ok\": false, \"problems\": [...]},"
                        + " the problems in the shape of check's, on stdout; stderr lists them as without --json."})
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private PrompdRegistryCommand root;

    @CommandLine.Mixin
    RepositoryArgument repository;

    @Option(names = "--rev", paramLabel = "REV", defaultValue = "HEAD",
            description = "The revision to build (default: ${DEFAULT-VALUE}).")
    String revision;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "The output folder: new, empty, or the output of an earlier build.")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Write absolute URLs below this one instead of relative ones.")
    String baseUrl;

    @Option(names = "--force", description = "Build even a commit that leaves out versions that the build in the"
            + " output folder serves, with no takedown record, or that serves again versions it took down, as an older"
            + " commit may.")
    boolean force;

    @Option(names = "--allow-unread-head-meta", description = "Build another commit than HEAD's even while a"
            + " meta.json of HEAD's whose takedowns do not read may record a takedown of a version that commit holds,"
            + " which the build then serves.")
    boolean allowUnreadHeadMeta;

    @CommandLine.Mixin
    JsonOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (out.toString().isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out is empty; give the output folder");
        }
        RevisionOption.requireGiven(spec.commandLine(), "--rev", revision);
        if (out.toAbsolutePath().normalize().getParent() == null) {
            // the staging folder and the retired output live beside the output folder, and a root has no beside
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a file system root;"
                    + " give a folder below it, such as " + out.toAbsolutePath().resolve("public"));
        }
        repository.noteWhereFound(stderr, "the build");
        BuildOptions options = new BuildOptions(repository.path(), revision, out,
                Optional.ofNullable(baseUrl).map(this::root), force, allowUnreadHeadMeta,
                root.context().workingFolder());
        BuildResult result;
        try {
            result = build(options, stderr);
        } catch (ValidationException invalid) {
            // with --json too: a script reads the problems on stdout, and the person reading its log, which holds
            // stderr alone, must still see which files to fix and how
            stderr.println("error: " + invalid.getMessage());
            stderr.print(ProblemReport.text(invalid.problems(), "(registry)"));
            stderr.flush();
            if (output.isJson()) {
                stdout.print(Json.writeString(Map.of("ok", false, "problems", invalid.problems())) + "\n");
                stdout.flush();
            }
            return ExitCode.FAILURE.code();
        }
        result.otherStateFormat().ifPresent(format -> stderr.println("note: " + rebuiltInFull(format)));
        result.takenDownAtHead()
                .ifPresent(takedowns -> stderr.println("note: " + leftOutAsAtHead(result.commit(), takedowns)));
        result.warnings().forEach(warning -> stderr.println("warning: " + BuildWarningView.text(warning, out)));
        // on stderr, as cargo says its "Finished ... in 0.8s": the result on stdout is the same for the same build
        stderr.println("note: the build took " + String.format(Locale.ROOT, "%.1f s", result.seconds()));
        stderr.flush();
        stdout.print(output.isJson() ? Json.writeString(asJson(result)) + "\n" : summary(result));
        stdout.flush();
        return ExitCode.OK.code();
    }

    /**
     * The result's counts, its warnings and its notes (why every version was packed again, which versions HEAD takes
     * down were left out), for a script: without the time taken, so that the same build gives the same bytes.
     */
    private Map<String, Object> asJson(BuildResult result) {
        Map<String, Object> json = new TreeMap<>();
        json.put("commit", result.commit());
        json.put("packages", result.packages());
        json.put("versions", result.versions());
        json.put("tarballsWritten", result.tarballsWritten());
        json.put("tarballsReused", result.tarballsReused());
        json.put("unchanged", result.unchanged());
        json.put("warnings", result.warnings().stream().map(warning -> BuildWarningView.asJson(warning, out))
                .toList());
        List<Map<String, Object>> notes = new ArrayList<>();
        result.otherStateFormat().ifPresent(format -> {
            Map<String, Object> note = new TreeMap<>();
            note.put("kind", "otherStateFormat");
            note.put("stateFormat", format);
            note.put("format", BuildResult.stateFormat());
            note.put("message", rebuiltInFull(format));
            notes.add(note);
        });
        result.takenDownAtHead().ifPresent(takedowns -> {
            Map<String, Object> note = new TreeMap<>();
            note.put("kind", "takenDownAtHead");
            note.put("head", takedowns.head().commit());
            takedowns.head().branch().ifPresent(branch -> note.put("branch", branch));
            note.put("versions", VersionJson.takenDown(takedowns.reasons()));
            note.put("message", leftOutAsAtHead(result.commit(), takedowns));
            notes.add(note);
        });
        json.put("notes", notes);
        return json;
    }

    /**
     * Why a build of an older commit serves fewer versions than it holds: what maintainers took down since, as a rule
     * a leaked secret or personal data, stays down when going back to an earlier state.
     */
    private static String leftOutAsAtHead(String commit, HeadTakedowns takedowns) {
        boolean one = takedowns.reasons().size() == 1;
        return takedowns.head().named() + " takes down "
                + Plural.count(takedowns.reasons().size(), "version") + " that commit "
                + RegistryRepository.shortId(commit) + " holds (" + TerminalText.line(Takedowns.withReasons(
                        takedowns.reasons())) + "): the build leaves " + (one ? "it out, as a takedown does, and its"
                + " package's index.json lists it" : "them out, as a takedown does, and their packages' index.json"
                + " lists them") + " under takenDown";
    }

    /**
     * Why a build packed every version again, where the summary alone read as if the build had lost the output: an
     * update of the generator changed what its files hold.
     */
    private String rebuiltInFull(int format) {
        return "the build state of " + out + " is of format " + format + ", written by another prompd-registry than"
                + " this one (format " + BuildResult.stateFormat() + "): every version is packed again, and each file"
                + " whose bytes come out the same is kept as it was";
    }

    /**
     * The base URL as a folder, {@code /} added when missing, as the client takes a registry's URL. It is read
     * here rather than by picocli, whose refusal of a URL that does not parse quotes Java's exception.
     */
    private URI root(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException unparsable) {
            throw usageError(BaseUrl.unparsable("--base-url", text, unparsable));
        }
        Optional<UrlUserPart> userPart = UrlUserPart.of(url);
        if (userPart.isPresent()) {
            throw usageError(userPart.get().refusal("--base-url", "the build would write into the URLs of every"
                    + " document, where every reader of the registry sees it") + "; " + userPart.get().fix());
        }
        BaseUrl.problems(url, "--base-url").stream().findFirst().ifPresent(problem -> {
            throw usageError(problem);
        });
        return url.getRawPath().endsWith("/") ? url : URI.create(url + "/");
    }

    private CommandLine.ParameterException usageError(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * Builds with progress shown on a terminal, wiped at the end: what follows, a summary or an error, starts on a
     * clean line.
     */
    private BuildResult build(BuildOptions options, PrintWriter stderr) throws IOException {
        CliContext context = root.context();
        Optional<ProgressLine> line = ProgressLine.on(stderr, context.environment(), context.stderrIsTerminal());
        try {
            return new RegistryBuilder().build(options, new BuildProgressLine(line, stderr, shownOut()));
        } finally {
            line.ifPresent(ProgressLine::clear);
        }
    }

    /** The output folder as the summary and progress name it, a line break in it spelt out to keep their lines. */
    private String shownOut() {
        return TerminalText.oneLine(out.toString());
    }

    private String summary(BuildResult result) {
        if (result.unchanged()) {
            return "nothing changed since the build of " + RegistryRepository.shortId(result.commit()) + ": " + shownOut()
                    + " left as it is\n";
        }
        return "built " + Plural.count(result.packages(), "package") + ", " + Plural.count(result.versions(), "version")
                + " (" + Plural.count(result.tarballsWritten(), "tarball") + " written, " + result.tarballsReused()
                + " reused) into " + shownOut() + "\n";
    }
}
