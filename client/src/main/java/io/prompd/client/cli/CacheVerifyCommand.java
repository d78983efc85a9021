package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.cli.JsonOption;
import io.prompd.client.config.Settings;
import io.prompd.client.home.CacheService;
import io.prompd.client.http.DocumentCheck;
import io.prompd.client.install.Redownload;
import io.prompd.client.install.Redownloads;
import io.prompd.client.install.store.StoreCheck;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Hash every cached tarball again and delete those that no longer match their integrity; compare"
                + " every installed version (<home>/" + Settings.PACKAGES_FOLDER_NAME + ") with its cached tarball"
                + " and remove a copy with a file missing, added or changed; read every cached registry document and"
                + " delete those --offline would call damaged.",
            "Exits " + ExitCode.Codes.INTEGRITY + " when it removed anything corrupt or damaged (downloaded or"
                    + " installed again when next needed), saying on stderr what.",
            "Any other file in the cache's tarballs folder, named as no tarball's integrity, and in its documents"
                    + " folder, named as no document (a .DS_Store, say), is deleted too, as is a folder where a"
                    + " tarball or a document would be (no document is a folder), each named (on stderr as well)"
                    + " without failing the run. An installed version whose tarball is not cached, or with no record"
                    + " of the tarball it was unpacked from (which the next install locking it puts back), is"
                    + " unverifiable: named, left as it is, without failing the run; the note on stderr offers to"
                    + " remove for the next install to download again only those whose registries still give them"
                    + " (their indexes read as any run reads them: with --offline, cached copies alone), and says of"
                    + " the others that no install can download them again, or that it is not known.",
            "With --json, {checked, removed, installed: {checked, removed, unverifiable}, documents: {checked,"
                    + " removed}} whatever it finds, as list --json gives its result: removed lists the files deleted"
                    + " from the tarballs folder, corrupt or not, and documents' those deleted from the documents"
                    + " folder, damaged or not; installed's removed and unverifiable the installed versions, each"
                    + " {name, version}, by name, then version."})
final class CacheVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    CacheVerifyCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        CacheService.Verification verification = wiring.cacheService().verify(wiring.redownloads(),
                wiring::waitingForLock);
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            out.println(Json.writeString(asJson(verification)));
        } else {
            out.print(asText(verification));
        }
        PrintWriter err = spec.commandLine().getErr();
        SuggestedCommands commands = wiring.settings().commands();
        // nothing cached was lost, so no failure: the cache is prompd's own, and nothing reads such a file
        noteStrays(err, verification.tarballs().strays(), TARBALL);
        noteStrays(err, verification.documents().strays(), DOCUMENT);
        StoreCheck installed = verification.installed();
        List<StoreCheck.Copy> unrecorded = installed.unrecorded();
        if (!unrecorded.isEmpty()) {
            // the record is what tells which tarball to compare a copy with: keeping the cache would not check them
            boolean one = unrecorded.size() == 1;
            err.println("note: left " + Plural.count(unrecorded.size(), "installed version") + " unverified, with no"
                    + " record of the tarball " + (one ? "it was" : "each was") + " unpacked from: "
                    + Plural.series(versions(unrecorded), "and") + "; " + commands.quoted("install") + " in a project"
                    + " whose prompd.lock pins " + Plural.itOrThem(unrecorded.size()) + ", or " + commands.quoted(
                            "install --global " + String.join(" ", versions(unrecorded))) + ", puts "
                    + Plural.itOrThem(unrecorded.size()) + " back with " + (one ? "a record" : "records")
                    + " of the tarball " + (one ? "it comes" : "each comes") + " from");
        }
        // those whose tarball was found corrupt the error's hint tells of, as keeping the cache would not check them
        List<StoreCheck.Copy> unverifiable = installed.unverifiable().stream()
                .filter(copy -> !installed.unchecked().contains(copy) && !unrecorded.contains(copy)).toList();
        if (!unverifiable.isEmpty()) {
            // nothing was found wrong, so no failure: a home whose cache was cleaned has its store unverifiable
            List<String> downloadable = downloadable(unverifiable, verification);
            err.println("note: left " + Plural.count(unverifiable.size(), "installed version") + " unverified, with no"
                    + " cached tarball to compare with: " + Plural.series(versions(unverifiable), "and") + "; keep "
                    + wiring.settings().cacheFolder() + " with " + wiring.settings().packagesFolder() + " (in a CI"
                    + " cache, say) to have " + Plural.itOrThem(unverifiable.size()) + " checked"
                    + (downloadable.isEmpty() ? "" : ", or "
                    + commands.quoted("uninstall --global " + String.join(" ", downloadable)) + " for the next "
                    + commands.quoted("install") + " to download and install " + Plural.itOrThem(downloadable.size())
                    + " again")
                    + toKeep(unverifiable, verification));
        }
        Optional<PrompdException> removed = removedAsDamaged(verification, commands);
        // the result is the repair done, so --json keeps it, as list and tree keep theirs, and stderr says why 6
        removed.ifPresent(failure -> err.println(Failures.describe(failure)));
        return removed.map(failure -> failure.exitCode().code()).orElse(ExitCode.OK.code());
    }

    private static Map<String, Object> asJson(CacheService.Verification verification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checked", verification.tarballs().checked());
        json.put("removed", names(verification.tarballs().removed()));
        StoreCheck installed = verification.installed();
        Map<String, Object> copies = new LinkedHashMap<>();
        copies.put("checked", installed.checked());
        copies.put("removed", asJson(installed.damaged()));
        copies.put("unverifiable", asJson(installed.unverifiable()));
        json.put("installed", copies);
        Map<String, Object> documents = new LinkedHashMap<>();
        documents.put("checked", verification.documents().checked());
        documents.put("removed", names(verification.documents().removed()));
        json.put("documents", documents);
        return json;
    }

    /** A line per file or folder removed or left unverified, and one counting each part's, after its own. */
    private static String asText(CacheService.Verification verification) {
        StringBuilder text = new StringBuilder();
        TarballCache.CacheCheck tarballs = verification.tarballs();
        tarballs.corrupt().forEach(file -> text.append("corrupt, removed: ").append(file).append('\n'));
        strays(text, tarballs.strays(), TARBALL);
        text.append(Plural.count(tarballs.checked(), TARBALL)).append(" checked, ")
                .append(tarballs.corrupt().size()).append(" corrupt").append(othersRemoved(tarballs.strays()))
                .append('\n');
        StoreCheck installed = verification.installed();
        installed.damaged().forEach(copy -> text.append("damaged, removed: ").append(described(copy)).append('\n'));
        installed.unverifiable().forEach(copy -> text.append("unverifiable: ").append(described(copy)).append('\n'));
        text.append(Plural.count(installed.checked(), "installed version")).append(" checked, ")
                .append(installed.damaged().size()).append(" damaged").append(installed.unverifiable().isEmpty() ? ""
                        : ", " + installed.unverifiable().size() + " unverifiable").append('\n');
        DocumentCheck documents = verification.documents();
        documents.damaged().forEach(file -> text.append("damaged, removed: ").append(file).append('\n'));
        strays(text, documents.strays(), DOCUMENT);
        text.append(Plural.count(documents.checked(), DOCUMENT)).append(" checked, ")
                .append(documents.damaged().size()).append(" damaged").append(othersRemoved(documents.strays()))
                .append('\n');
        return text.toString();
    }

    /** What the cache's folders hold, as the output names it. */
    private static final String TARBALL = "cached tarball";
    private static final String DOCUMENT = "cached registry document";

    /** {@code no cached tarball, removed: <file>}, a line each. */
    private static void strays(StringBuilder text, List<Path> strays, String entry) {
        strays.forEach(file -> text.append("no ").append(entry).append(", removed: ").append(file).append('\n'));
    }

    /** {@code , 2 other entries removed} after a part's counts; nothing when none was. */
    private static String othersRemoved(List<Path> strays) {
        return strays.isEmpty() ? "" : ", " + entries(strays, "other ") + " removed";
    }

    /** Says on stderr which files and folders named as no entry of a cache's folder were removed, when any was. */
    private static void noteStrays(PrintWriter err, List<Path> strays, String entry) {
        if (!strays.isEmpty()) {
            err.println("note: removed " + entries(strays, "") + " named as no " + entry + ": "
                    + String.join(", ", names(strays)));
        }
    }

    /** {@code 1 entry}, {@code 2 entries}: strays are files and folders, which are gone when the output names them. */
    private static String entries(List<Path> strays, String adjective) {
        return strays.size() + " " + adjective + (strays.size() == 1 ? "entry" : "entries");
    }

    /**
     * What was removed as corrupt or damaged, and how each comes back; empty when nothing was. When no install could
     * ask a registry ({@link Redownloads.Known#unserved}), the hint says so, and how to mend it, rather than suggest an
     * install that would fail.
     */
    private static Optional<PrompdException> removedAsDamaged(CacheService.Verification verification,
                                                              SuggestedCommands commands) {
        List<String> removed = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        Optional<Failures.Explanation> unserved = verification.known().unserved().map(Failures::explain);
        String install = unserved.isEmpty() ? commands.quoted("install") : "an install";
        List<String> corrupt = names(verification.tarballs().corrupt());
        List<StoreCheck.Copy> uncheckedCopies = verification.installed().unchecked();
        List<String> unchecked = versions(uncheckedCopies);
        if (!corrupt.isEmpty()) {
            removed.add(Plural.count(corrupt.size(), "corrupt cached tarball") + ": " + String.join(", ", corrupt));
            if (corrupt.size() > unchecked.size()) {
                remedies.add(install + " downloads a removed tarball of a version not installed"
                        + " again when a project needs it");
            }
        }
        if (!unchecked.isEmpty()) {
            // an install finds the version installed and downloads nothing, so only a version removed comes back
            List<String> downloadable = downloadable(uncheckedCopies, verification);
            boolean one = unchecked.size() == 1;
            String again = Plural.itOrThem(downloadable.size());
            remedies.add("the installed " + Plural.series(unchecked, "and") + (one ? " stays as it was checked against"
                    + " its" : " stay as they were checked against their") + " integrity when installed, and "
                    + install + " downloads nothing for " + Plural.itOrThem(unchecked.size())
                    + (downloadable.isEmpty() ? "" : ": to have " + (downloadable.size() == unchecked.size() ? again
                            : Plural.series(downloadable, "and")) + " checked again, "
                            + commands.quoted("uninstall --global " + String.join(" ", downloadable)) + ", then "
                            + commands.quoted("install") + " in a project that needs " + again + ", downloads and"
                            + " installs " + again + " anew")
                    + toKeep(uncheckedCopies, verification));
        }
        List<String> versions = versions(verification.installed().damaged());
        if (!versions.isEmpty()) {
            removed.add(Plural.count(versions.size(), "damaged installed version") + ": "
                    + String.join(", ", versions));
            remedies.add(install + " installs a removed version again in a project that needs it");
        }
        List<String> documents = names(verification.documents().damaged());
        if (!documents.isEmpty()) {
            removed.add(Plural.count(documents.size(), "damaged cached registry document") + ": "
                    + String.join(", ", documents));
            remedies.add("a run without --offline fetches a removed document again");
        }
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        unserved.map(failure -> unserved(failure, verification.known().unservedInDetails()))
                .filter(text -> !text.isEmpty()).ifPresent(remedies::add);
        return Optional.of(new PrompdException(ExitCode.INTEGRITY, "removed " + String.join("; ", removed),
                (versions.isEmpty() ? "nothing installed changed: " : "") + String.join("; ", remedies)));
    }

    /**
     * Why no install could ask a registry, and how to mend it: the hint alone when a note on a version left unknown
     * already gave the failure ({@code said}, as {@link Redownloads.Known#unservedInDetails}), as each version asked of
     * no registry is said to be unknown for it.
     */
    private static String unserved(Failures.Explanation failure, boolean said) {
        return said ? failure.hint()
                : failure.message() + (failure.hint().isEmpty() ? "" : ": " + failure.hint());
    }

    /**
     * Those of the versions of these copies that their registries say can be downloaded again: the only ones to offer
     * to remove for an install to put back.
     */
    private static List<String> downloadable(List<StoreCheck.Copy> copies, CacheService.Verification verification) {
        return copies.stream().map(verification::redownload).filter(one -> one.fate() == Redownload.Fate.LISTED)
                .map(Redownload::spec).toList();
    }

    /**
     * {@code ; keep A as it is: no 'prompd install' can download it again, so this copy is its last (why)}, and the
     * same of those whose registry could not tell, each part when there are any: removing them may lose them for
     * every project pinning them.
     */
    private static String toKeep(List<StoreCheck.Copy> copies, CacheService.Verification verification) {
        List<Redownload> found = copies.stream().map(verification::redownload).toList();
        List<Redownload> lost = found.stream().filter(Redownload::lost).toList();
        List<Redownload> unknown = found.stream().filter(Redownload::unknown).toList();
        StringBuilder text = new StringBuilder();
        if (!lost.isEmpty()) {
            boolean one = lost.size() == 1;
            text.append("; keep ").append(Redownload.specs(lost)).append(one ? " as it is" : " as they are")
                    .append(": no 'prompd install' can download ").append(Plural.itOrThem(lost.size()))
                    .append(" again, so ")
                    .append(one ? "this copy is its last" : "these copies are their last").append(" (")
                    .append(Redownload.whys(lost)).append(')');
        }
        if (!unknown.isEmpty()) {
            boolean one = unknown.size() == 1;
            // whys tells a registry that could not be reached once, not by each of its versions
            text.append("; whether ").append(Redownload.specs(unknown)).append(" can be downloaded again is not known (")
                    .append(Redownload.whys(unknown)).append("): keep ").append(Plural.itOrThem(unknown.size()))
                    .append(" until ")
                    .append(one ? "its registry's index" : "their registries' indexes").append(" can be read");
        }
        return text.toString();
    }

    /** {@code <folder> (what was found)}. */
    private static String described(StoreCheck.Copy copy) {
        return copy.folder() + " (" + copy.finding() + ")";
    }

    /** {@code @acme/pkg@1.0.0}, each. */
    private static List<String> versions(List<StoreCheck.Copy> copies) {
        return copies.stream().map(copy -> copy.name() + "@" + copy.version()).toList();
    }

    /**
     * {@code {"name": "@acme/pkg", "version": "1.0.0"}} each, as every command's JSON names an installed version: no
     * folder, which is the home's {@code packages/<name>@<version>}, gone for one removed, and differs by machine.
     */
    private static List<Map<String, String>> asJson(List<StoreCheck.Copy> copies) {
        return copies.stream().map(copy -> Map.of("name", copy.name().toString(), "version",
                copy.version().toString())).toList();
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }
}
