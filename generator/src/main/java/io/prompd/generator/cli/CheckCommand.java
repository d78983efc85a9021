package io.prompd.generator.cli;

import io.prompd.cli.Choices;
import io.prompd.cli.CommandLines;
import io.prompd.cli.JsonOption;
import io.prompd.core.ExitCode;
import io.prompd.generator.check.CheckReport;
import io.prompd.generator.check.PullRequestChecker;
import io.prompd.generator.source.Logins;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.core.TerminalText;
import io.prompd.core.json.Json;
import io.prompd.generator.source.UncommittedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code prompd-registry check}: checks a pull request's commits against the registry's rules. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check a pull request to a registry repository: every problem, each with its file, field or"
                + " line and a hint. Reads Git objects only; no working tree is needed.",
                "Exits " + ExitCode.Codes.OK + " when there is no error (warnings do not fail the check), "
                        + ExitCode.Codes.FAILURE + " when there is one; " + ExitCode.Codes.USAGE + " and "
                        + ExitCode.Codes.NOT_FOUND
                        + " when the check cannot run (a wrong option; a revision or repository not found, a SHA-256"
                        + " repository, a shallow clone, or a partial or damaged one that lacks objects the check"
                        + " reads); " + ExitCode.Codes.NOTHING_TO_DO + " when there is nothing to check: the head is"
                        + " the merge base itself, as before the changes are committed."})
final class CheckCommand implements Callable<Integer> {

    /** What reads only commits, as the warning of files left uncommitted names it. */
    private static final String READER = "the check";

    /** How the report is written. */
    enum Format {
        TEXT, MARKDOWN, JSON
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private PrompdRegistryCommand root;

    @CommandLine.Mixin
    RepositoryArgument repository;

    @Option(names = "--base", required = true, paramLabel = "REV",
            description = "The branch the pull request goes into, or its commit; head is compared with their merge"
                    + " base, and who may do what (maintainers, owners) and the policy are read here, so give the"
                    + " branch's tip.")
    String base;

    @Option(names = "--head", paramLabel = "REV", defaultValue = "HEAD",
            description = "The pull request's commit (default: ${DEFAULT-VALUE}, the commit checked out).")
    String head;

    // no default from the environment: GITHUB_ACTOR names who triggered the run, who may be a maintainer pushing onto
    // someone else's pull request, not its author
    @Option(names = "--actor", required = true, paramLabel = "LOGIN",
            description = "GitHub login of the pull request's author, for the ownership rules.")
    String actor;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatChoices.class, completionCandidates = FormatChoices.class,
            description = "text (default), markdown (for a pull request comment) or json (as --json gives it).")
    Format format;

    @CommandLine.Mixin
    JsonOption output;

    @Override
    public Integer call() throws IOException {
        Format chosen = chosenFormat();
        if (actor.strip().startsWith("@")) {
            // an '@' is how a login is mentioned on GitHub, but no login holds one: the check would
            // then find the author owning nothing
            throw new CommandLine.ParameterException(spec.commandLine(), "--actor " + actor
                    + " is not a GitHub login: write the login without '@', as in --actor "
                    + actor.strip().substring(1));
        }
        if (!Logins.isLogin(actor)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--actor '" + actor
                    + "' is not a GitHub login: " + Logins.RULE + "; give the login of the pull request's author as"
                    + " the address of their profile writes it (github.com/LOGIN)");
        }
        RevisionOption.requireGiven(spec.commandLine(), "--base", base);
        RevisionOption.requireGiven(spec.commandLine(), "--head", head);
        PrintWriter err = spec.commandLine().getErr();
        repository.noteWhereFound(err, "the check");
        CheckReport report;
        Optional<UncommittedFiles> uncommitted;
        try (RegistryRepository registry = RegistryRepository.open(repository.path(), root.context().workingFolder())) {
            ObjectId headCommit = registry.resolve("--head", head);
            report = new PullRequestChecker(root.context().clock()).check(registry, registry.resolve("--base", base),
                    headCommit, Optional.of(actor));
            uncommitted = registry.uncommitted(headCommit, report.added().stream()
                    .map(version -> RepositoryLayout.versionFolder(version.name(), version.version())).toList());
        }
        uncommitted.ifPresent(files -> err.println("warning: " + files.message(READER)));
        err.flush();
        List<Map<String, Object>> warnings = uncommitted.map(files -> BuildWarningView.uncommitted(files, READER))
                .stream().toList();
        boolean nothing = report.head().equals(report.mergeBase());
        String rendered = nothing ? nothingToCheck(chosen, report, warnings) : switch (chosen) {
            case TEXT -> CheckReportView.text(report);
            case MARKDOWN -> CheckReportView.markdown(report, base);
            case JSON -> CheckReportView.json(report, warnings);
        };
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        if (nothing) {
            return ExitCode.NOTHING_TO_DO.code();
        }
        return (report.passed() ? ExitCode.OK : ExitCode.FAILURE).code();
    }

    /**
     * What a check of no commit says in place of a verdict: run by an author before committing, it would pass on what
     * it never saw, so it neither passes nor fails.
     */
    private String nothingToCheck(Format chosen, CheckReport report, List<Map<String, Object>> warnings) {
        String message = "--head " + head + " (" + RegistryRepository.shortId(report.head()) + ") is the merge base of"
                + " --base " + base + " and --head itself, so the pull request has no commit to check; the check"
                + " reads commits, not the working tree: commit your changes, then run it again";
        return switch (chosen) {
            case TEXT -> "NOTHING TO CHECK: " + TerminalText.line(message) + "\n";
            case MARKDOWN -> "## Nothing to check\n\n" + MarkdownReport.text(message) + "\n";
            case JSON -> {
                Map<String, Object> json = new TreeMap<>();
                json.put("ok", false);
                json.put("kind", "nothingToCheck");
                json.put("head", report.head());
                json.put("mergeBase", report.mergeBase());
                json.put("message", message);
                json.put("warnings", warnings);
                yield Json.writeString(json) + "\n";
            }
        };
    }

    private Format chosenFormat() {
        if (output.isJson() && format != Format.JSON
                && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
            throw CommandLines.notTogether(spec.commandLine(), List.of(JsonOption.NAME, "--format "
                    + Choices.typed(format)));
        }
        return output.isJson() ? Format.JSON : format;
    }

    /** The formats, written in lower case as the help gives them. */
    static final class FormatChoices extends Choices<Format> {
        FormatChoices() {
            super(Format.class, "format");
        }
    }
}
