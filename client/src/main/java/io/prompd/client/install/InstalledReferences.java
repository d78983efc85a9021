package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Pointer;
import io.prompd.core.prompt.DependencyFiles;
import io.prompd.core.prompt.DependencyFiles.FileUse;
import io.prompd.core.prompt.DependencyFiles.VersionFiles;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The files of other packages that the installed packages' prompts take and the versions installed beside them lack.
 * The registry's check looks in the versions the dependencies resolve to at their newest; an install may get older
 * ones, by {@code --resolution lowest} or a range of another package holding one back, and the prompt then fails
 * where it runs, with no command having said why.
 */
final class InstalledReferences {

    private static final String CHOSEN_BY = "the version installed";

    private InstalledReferences() {
    }

    /**
     * A note for each reference of an installed package's prompts to a file the installed version of its package
     * lacks, of the pairs of a package and a dependency that {@code moved} touches: the others were as they are at the
     * run that installed them, which said it, and a project of many packages adding one reads a few. The packages are
     * read as the store holds them, as a version a registry accepted: only their prompts' references are looked at. A
     * package whose files cannot be read is passed over: the run installed it, and what is wrong with its files is not
     * this check's to say.
     *
     * @param installed every package of the project, in place in the store
     * @param moved     the packages new to the project in this run
     * @param lock      the project's lock after the run, giving each package's dependencies
     * @param parsed    the prompts of the packages unpacked in this run, by name, as their check parsed them: a cold
     *                  install of a hundred packages would otherwise parse every prompt twice
     * @param listed    a package's index, when it can be read, to tell whether an update can help
     */
    static List<InstallNote> missingFiles(List<InstalledPackage> installed, Set<PackageName> moved, LockFile lock,
                                          Map<PackageName, List<PromptFile>> parsed,
                                          Function<PackageName, Optional<PublishedPackage>> listed,
                                          SuggestedCommands commands) {
        Map<PackageName, InstalledPackage> byName = installed.stream()
                .collect(Collectors.toMap(InstalledPackage::name, Function.identity(), (one, same) -> one));
        DependencyFiles.Versions versions = name -> Optional.ofNullable(byName.get(name))
                .map(one -> new VersionFiles(one.version(), new DirectorySource(one.folder())));
        PackageValidator reader = new PackageValidator(ArchiveLimits.DEFAULT, PackageLocation.VERSION_FOLDER);
        List<InstallNote> notes = new ArrayList<>();
        for (InstalledPackage one : installed) {
            boolean takerMoved = moved.contains(one.name());
            Predicate<PackageName> touched = takerMoved ? dependency -> true : moved::contains;
            if (!takerMoved && lock.get(one.name())
                    .map(locked -> locked.dependencies().keySet().stream().noneMatch(moved::contains)).orElse(true)) {
                continue;
            }
            try {
                Collection<PromptFile> prompts = parsed.containsKey(one.name()) ? parsed.get(one.name())
                        : reader.readAccepted(new DirectorySource(one.folder())).prompts().values();
                List<FileUse> uses = DependencyFiles.uses(prompts);
                for (FileUse use : uses) {
                    // one use at a time, so that the reference each problem is of is known
                    InstalledPackage dependency = byName.get(use.reference().packageName());
                    if (dependency != null && touched.test(dependency.name())
                            && !DependencyFiles.check(List.of(use), versions, CHOSEN_BY).problems().isEmpty()) {
                        notes.add(note(one, use, dependency, rangesOn(lock, dependency.name()),
                                listed.apply(dependency.name()), commands));
                    }
                }
            } catch (IOException | UncheckedIOException unread) {
                // a copy that cannot be read makes no note: whether its files are whole is not this check's to judge,
                // and the install it follows succeeded
            }
        }
        return List.copyOf(notes);
    }

    /**
     * @param ranges    the ranges of the project's packages on the dependency, which a version it is pinned to must
     *                  meet
     * @param published the dependency's index: whether it lists a version newer than the one installed, which an
     *                  update would move to, and which older versions have the file as a prompt, from the entries of
     *                  the versions, as no tarball is read for a hint
     */
    private static InstallNote note(InstalledPackage taker, FileUse use, InstalledPackage dependency,
                                    List<VersionRange> ranges, Optional<PublishedPackage> published,
                                    SuggestedCommands commands) {
        String pointer = use.site().pointer();
        boolean newest = published.filter(found -> found.isNewest(dependency.version())).isPresent();
        Optional<Version> having = newest ? published.flatMap(found -> found.highestBelowWithPrompt(
                dependency.version(), use.reference().path(), ranges)) : Optional.empty();
        String command = !newest ? commands.quoted("update " + dependency.name())
                : having.map(older -> commands.quoted("install " + dependency.name() + "@" + older + " --save-exact"))
                        .orElse("");
        return new InstallNote.DependencyFileMissing(taker.name(), taker.version(), use.file(),
                pointer.isEmpty() ? "" : Pointer.readable(pointer).substring(1), use.line(),
                use.reference().written(), dependency.name(), dependency.version(), newest, having, command);
    }

    /** The ranges the locked packages give the dependency. */
    private static List<VersionRange> rangesOn(LockFile lock, PackageName dependency) {
        return lock.packages().values().stream().map(locked -> locked.dependencies().get(dependency))
                .filter(Objects::nonNull).toList();
    }
}
