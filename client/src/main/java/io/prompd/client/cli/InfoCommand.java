package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.install.PackageInfo;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.protocol.PromptSummary;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.source.Utf8;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info", aliases = "view", mixinStandardHelpOptions = true,
        description = {
            "Describe a package from the registry: its versions with their dates, its dist-tags, and the versions"
                    + " its maintainers took down with the reasons.",
            "For one version (the latest, or the one a range or tag selects): its dependencies, main prompt,"
                    + " prompts, prompt files with their parameters and the beginning of its README.",
            "Asked with a range, it says which versions in the range are taken down, with the reasons"
                    + " (takenDownInRange with --json).",
            "A package whose every version was taken down is described by its takedowns alone; with --json, by"
                    + " name, distTags, versions (empty) and takenDown."})
final class InfoCommand implements Callable<Integer> {

    /** Enough of a README to tell what the package is about without flooding the terminal. */
    private static final int README_LINES = 15;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", converter = PackageSpecConverter.class,
            description = "name or @scope/name (acme/pkg for @acme/pkg), optionally @ a range or dist-tag.")
    PackageSpec packageSpec;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    InfoCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        PackageInfo info = PackageInfo.read(packageSpec, wiring.registry(), wiring.settings().offline());
        info.shown().filter(PackageInfo.ShownVersion::summary).ifPresent(shown -> spec.commandLine().getErr().println(
                "note: offline, " + shown.document().name() + "@" + shown.document().version() + " is described by its"
                        + " package's cached index.json alone: its README and prompt files come with"
                        + " its own document, which is not cached (run without --offline to see them)"));
        // nearly all of it is the registry's text, each field but the README's excerpt kept to its line
        // (TerminalText.oneLine) so that none passes for a line of prompd's own; JSON escapes them all
        spec.commandLine().getOut().print(output.isJson() ? Json.writeString(asJson(info)) + "\n"
                : TerminalText.lines(asText(info)));
        return ExitCode.OK.code();
    }

    private static String asText(PackageInfo info) {
        StringBuilder text = new StringBuilder();
        info.shown().ifPresentOrElse(shown -> heading(text, info, shown.document()), () -> text
                .append(info.packument().name()).append(" - every version is taken down, so none can be installed\n"));
        info.takenDownInRangeNote().ifPresent(note -> text.append(note).append('\n'));
        section(text, "versions", table(info.packument().versions().values().stream()
                .map(version -> List.of(version.version().toString(), DAY.format(version.publishedAt()),
                        notes(version)))));
        section(text, "taken down", table(info.packument().takenDown().entrySet().stream()
                .map(entry -> List.of(entry.getKey().toString(), TerminalText.oneLine(entry.getValue().strip())))));
        info.shown().ifPresent(shown -> details(text, shown));
        return text.toString();
    }

    private static void heading(StringBuilder text, PackageInfo info, VersionDocument shown) {
        text.append(shown.name()).append('@').append(shown.version());
        if (shown.description() != null) {
            text.append(" - ").append(TerminalText.oneLine(shown.description()));
        }
        text.append('\n');
        if (shown.license() != null) {
            text.append("license: ").append(TerminalText.oneLine(shown.license())).append('\n');
        }
        text.append("dist-tags:");
        info.packument().distTags()
                .forEach((tag, version) -> text.append(' ').append(TerminalText.oneLine(tag)).append('=')
                        .append(version));
        text.append(info.packument().distTags().isEmpty() ? " none\n" : "\n");
    }

    private static void details(StringBuilder text, PackageInfo.ShownVersion version) {
        VersionDocument shown = version.document();
        section(text, "dependencies", table(shown.dependencies().entrySet().stream()
                .map(entry -> List.of(entry.getKey().toString(), entry.getValue().toString()))));
        if (shown.main() != null) {
            text.append("main: ").append(TerminalText.oneLine(shown.main())).append('\n');
        }
        section(text, "prompts", table(shown.prompts().entrySet().stream()
                .map(entry -> List.of(TerminalText.oneLine(entry.getKey()), TerminalText.oneLine(entry.getValue()),
                        describe(shown.promptFiles().get(entry.getValue()))))));
        // every prompt file, as a package with only main and no prompts map (most of them) would otherwise show none;
        // the description last, as the longest, which no other row is then padded to
        section(text, "prompt files", table(shown.promptFiles().entrySet().stream()
                .map(entry -> List.of(TerminalText.oneLine(entry.getKey()), TerminalText.oneLine(
                        Objects.requireNonNullElse(entry.getValue().id(), "")), parameters(entry.getValue()),
                        describe(entry.getValue())))));
        text.append("tarball: ").append(version.dist().tarball()).append(" (").append(shown.dist().size())
                .append(" bytes, ").append(Plural.count(shown.dist().fileCount(), "file")).append(")\n");
        text.append("integrity: ").append(shown.dist().integrity()).append('\n');
        if (shown.readme() != null) {
            // the mark some Windows editors start a file with would reach the terminal as a character
            List<String> lines = Utf8.withoutByteOrderMark(shown.readme()).lines().toList();
            section(text, "README", lines.subList(0, Math.min(README_LINES, lines.size())));
            if (lines.size() > README_LINES) {
                text.append("  … (").append(lines.size() - README_LINES).append(" more lines)\n");
            }
        }
    }

    private static String notes(VersionSummary version) {
        List<String> notes = new ArrayList<>();
        if (version.yanked() != null) {
            notes.add(TerminalText.labelledWhole("yanked", version.yanked()));
        }
        if (version.deprecated() != null) {
            notes.add(TerminalText.labelledWhole("deprecated", version.deprecated()));
        }
        return String.join("  ", notes);
    }

    private static String describe(PromptSummary prompt) {
        return prompt == null || prompt.description() == null ? "" : TerminalText.oneLine(prompt.description());
    }

    /** {@code parameters: topic (required), tone}; nothing for a prompt that declares none. */
    private static String parameters(PromptSummary prompt) {
        return prompt.parameters().isEmpty() ? "" : TerminalText.oneLine("parameters: " + String.join(", ",
                prompt.parameters().stream()
                        .map(parameter -> parameter.name() + (parameter.required() ? " (required)" : "")).toList()));
    }

    /** The rows' cells in aligned columns, a line each. */
    private static List<String> table(Stream<List<String>> rows) {
        List<List<String>> all = rows.toList();
        return all.isEmpty() ? List.of() : Tables.render(all).lines().toList();
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            text.append(title).append(":\n");
            lines.forEach(line -> text.append(line.isBlank() ? "" : "  " + line).append('\n'));
        }
    }

    /** The shown version's fields are left out of a package whose every version was taken down. */
    private static Map<String, Object> asJson(PackageInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", info.packument().name());
        info.shown().ifPresent(shown -> {
            json.put("version", shown.document().version());
            json.put("description", shown.document().description());
            json.put("license", shown.document().license());
        });
        json.put("distTags", info.packument().distTags());
        json.put("versions", info.packument().versions().values().stream().map(version -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", version.version());
            entry.put("publishedAt", version.publishedAt());
            entry.put("yanked", version.yanked());
            entry.put("deprecated", version.deprecated());
            return entry;
        }).toList());
        json.put("takenDown", info.packument().takenDown());
        info.range().ifPresent(range -> json.put("takenDownInRange", info.takenDownInRange()));
        info.shown().ifPresent(shown -> {
            json.put("dependencies", shown.document().dependencies());
            json.put("main", shown.document().main());
            json.put("prompts", shown.document().prompts());
            json.put("promptFiles", shown.document().promptFiles());
            json.put("dist", shown.dist());
            json.put("readme", shown.document().readme());
        });
        return json;
    }
}
