package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.install.InstallNote;
import io.prompd.client.install.Outdated;
import io.prompd.core.ExitCode;
import io.prompd.core.TerminalText;
import io.prompd.core.json.Json;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "outdated", mixinStandardHelpOptions = true,
        description = {
            "List the project's packages that have newer versions.",
            "For each: current (locked), wanted (what 'prompd update' moves to, from the same resolution of the whole"
                    + " project: the version the 'latest' dist-tag names when the ranges allow it, else the newest they"
                    + " allow, unless the rest of the project holds it lower, said below the table ('NAME VERSION is"
                    + " held back by' the ranges that do, each with who asks for it: prompd.json's own, or the package"
                    + " (name@version) that needs it, or by another package's latest dist-tag; or 'is held back: it"
                    + " cannot be installed in this project:' and the resolver's explanation why, indented below)) and"
                    + " latest (that"
                    + " version, the range 'prompd update --latest' writes; the lock then takes it).",
            "A dependency of prompd.json not locked yet is listed too, with no current version, and so is a locked"
                    + " version outside its ranges (prompd.json edited since the lock was written), marked invalid:"
                    + " wanted is then the newest version within them, what 'prompd install' moves to.",
            "Where the project cannot be resolved at all, as 'prompd update' then fails, wanted is what each package's"
                    + " own ranges allow, unless that version cannot go in with the project as locked (a dependency"
                    + " added to prompd.json by hand that conflicts with the others): it is then held back, said below"
                    + " the table as 'is held back: it cannot be installed in this project:' with the resolver's"
                    + " explanation, and wanted is the current version, or none (-) for a dependency not locked.",
            "So is a locked version the registry yanked (withdrawn as broken or harmful), marked yanked and warned of"
                    + " with the reason, even when no other version is there to move to; a locked version deprecated is"
                    + " only warned of, as it still works: while the ranges allow another, wanted moves off it anyway.",
            "So is a locked version the registry took down (warned of with the reason), or no longer lists without"
                    + " recording a takedown (marked no longer listed): wanted is then the newest"
                    + " version left within the ranges, what 'prompd update' moves to; and so is a locked package the"
                    + " registry no longer has at all, marked package no longer in the registry, with no wanted nor"
                    + " latest version (warned of with the way off); and so is a locked version the registry its name"
                    + " resolves in now lacks or lists with other bytes, or with the locked ones while no scope route"
                    + " names that registry (of a scoped name not locked from it), as the lock has it from another"
                    + " registry"
                    + " (its route changed, or a mirror is behind), marked locked from another registry, with no"
                    + " wanted nor latest version, as that registry's versions of the name may be another's package"
                    + " (warned of with the ways back).",
            "A dependency not locked that takedowns keep from being locked (no version left, or only versions"
                    + " taken down in its range, or in that of a package every version in its own range needs) is"
                    + " marked taken down and warned of the same way; one the registry does not have is marked not in"
                    + " the registry, with no wanted nor latest version (warned of with the way off).",
            "Exits " + ExitCode.Codes.FAILURE + " when it lists any package, as 'npm outdated' does, so that a script"
                    + " notices; " + ExitCode.Codes.OK + " when every package is up to date. A package 'prompd update'"
                    + " cannot move stays listed while a newer version exists, its wanted version its current one.",
            "With --json, an array of {name, current, wanted, latest, direct, invalid, yanked, takenDown, unlisted,"
                    + " goneFromRegistry, routeChanged, notInRegistry, heldBack} in name order; yanked, the registry's"
                    + " reason (\"\" when it gave none), is there only for a locked version yanked; current, invalid,"
                    + " unlisted, goneFromRegistry and routeChanged are left out for a dependency not locked,"
                    + " notInRegistry for a locked package,"
                    + " wanted or latest when no version qualifies, heldBack ({allowed, by: [{name, range, from}],"
                    + " problem}, from being prompd.json or the name@version of the package needing the range, or"
                    + " {name, latest, needs, from: \"dist-tags\"} for a package's latest dist-tag, problem"
                    + " the resolver's explanation of why allowed cannot be installed, given where by is empty) for a"
                    + " package not held back. A version no longer listed"
                    + " is takenDown and unlisted, as install's takenDown warning gives it, and so is that of a package"
                    + " the registry no longer has, goneFromRegistry too."})
final class OutdatedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    OutdatedCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Outdated.Result result = new InstallWiring(root, spec.commandLine().getErr()).installer()
                .outdated(root.context().projectFolder(root.commands()));
        result.warnings().forEach(warning -> spec.commandLine().getErr().println(InstallReportView.warning(warning)));
        if (root.settings().offline()) {
            // without it, "up to date" would read as the registry's word when it is only that of the last fetch
            spec.commandLine().getErr().println("note: offline, the newest versions are those of the cached indexes;"
                    + " the registry may have published newer ones since");
        }
        List<Outdated.Row> rows = result.rows();
        spec.commandLine().getOut()
                .print(output.isJson() ? Json.writeString(rows.stream().map(OutdatedCommand::asJson).toList()) + "\n"
                : asText(rows, result.warnings().isEmpty()));
        return rows.isEmpty() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    /**
     * The table, then a line for each package held back, which a cell would pad every row of its column to the width
     * of (a note naming several ranges runs to hundreds of columns).
     */
    private static String asText(List<Outdated.Row> rows, boolean nothingToTell) {
        if (rows.isEmpty()) {
            return nothingToTell ? "every package is up to date\n" : "no package has a newer version\n";
        }
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("package", "current", "wanted", "latest", "dependency"));
        rows.forEach(row -> table.add(List.of(row.name().toString(),
                row.current().map(Version::toString).orElse("not locked") + marks(row),
                row.wanted().map(Version::toString).orElse("-"),
                row.latest().map(Version::toString).orElse("-"), row.direct() ? "direct" : "transitive")));
        List<String> held = rows.stream().filter(row -> row.heldBack().isPresent())
                .map(row -> heldBack(row) + "\n").toList();
        return Tables.render(table) + (held.isEmpty() ? "" : "\n" + String.join("", held));
    }

    /**
     * {@code  (invalid, yanked)} or {@code  (invalid, taken down)}, or what of it applies; a version unlisted is marked
     * {@code no longer listed}, as its warning says it: that it was taken down is more than its registry says; and one
     * of a package the registry no longer has at all is marked so, where the whole package, not the version, is what
     * to look into, as is a dependency not locked that the registry does not have; one locked from another registry
     * than the one its name resolves in now is marked so alone, as nothing else of it was compared.
     */
    private static String marks(Outdated.Row row) {
        List<String> marks = new ArrayList<>();
        if (row.invalid()) {
            marks.add("invalid");
        }
        if (row.yanked().isPresent()) {
            marks.add("yanked");
        }
        if (row.routeChanged()) {
            marks.add("locked from another registry");
        } else if (row.goneFromRegistry()) {
            marks.add("package no longer in the registry");
        } else if (row.notInRegistry()) {
            marks.add("not in the registry");
        } else if (row.unlisted()) {
            marks.add("no longer listed");
        } else if (row.takenDown()) {
            marks.add("taken down");
        }
        return marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")";
    }

    /**
     * {@code @a/b 1.1.0 is held back by @a/c@1.0.0, which needs @a/d ^1.0.0}, naming the ranges and who asks for them
     * when one alone rules out what the package's own allow; when the resolver explains why it cannot be installed,
     * that explanation, indented below, as a question that writes nothing should not send the user to an update to
     * read it.
     */
    private static String heldBack(Outdated.Row row) {
        InstallNote.OutOfReach held = row.heldBack().orElseThrow();
        return row.name() + " " + held.allowed() + held.problem()
                .map(problem -> " is held back: it cannot be installed in this project:\n  "
                        + TerminalText.lines(problem).replace("\n", "\n  "))
                .orElse(" is held back by " + InstallNoteView.heldBy(held.by()));
    }

    private static Map<String, Object> asJson(Outdated.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", row.name());
        row.current().ifPresent(current -> json.put("current", current));
        row.wanted().ifPresent(wanted -> json.put("wanted", wanted));
        row.latest().ifPresent(latest -> json.put("latest", latest));
        json.put("direct", row.direct());
        row.current().ifPresent(current -> json.put("invalid", row.invalid()));
        row.yanked().ifPresent(reason -> json.put("yanked", reason));
        json.put("takenDown", row.takenDown());
        row.current().ifPresent(current -> json.put("unlisted", row.unlisted()));
        row.current().ifPresent(current -> json.put("goneFromRegistry", row.goneFromRegistry()));
        row.current().ifPresent(current -> json.put("routeChanged", row.routeChanged()));
        if (row.current().isEmpty()) {
            json.put("notInRegistry", row.notInRegistry());
        }
        row.heldBack().ifPresent(held -> json.put("heldBack", InstallNoteView.heldBackFields(held)));
        return json;
    }
}
