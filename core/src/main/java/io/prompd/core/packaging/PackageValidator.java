package io.prompd.core.packaging;

import io.prompd.core.PackageSteps;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.LeftOut;
import io.prompd.core.archive.PackSelection;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.archive.PackageReadme;
import io.prompd.core.archive.Packer;
import io.prompd.core.manifest.ManifestDraft;
import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.manifest.ManifestPaths;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.manifest.ManifestResult;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.DependencyFiles.Versions;
import io.prompd.core.prompt.DependencyMismatch;
import io.prompd.core.prompt.DependencyParents;
import io.prompd.core.prompt.LoadedTemplates;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.prompt.PromptPackage;
import io.prompd.core.prompt.PromptParseResult;
import io.prompd.core.prompt.PromptParser;
import io.prompd.core.prompt.PromptValidator;
import io.prompd.core.protocol.VersionFileNames;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.source.Utf8;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a whole package the way {@code pack} will see it: the manifest, the files that would be
 * packed and their content (text, binaries, likely credentials), and every prompt file among them.
 * {@code prompd validate}, {@code prompd pack} and the registry's pull-request check all call
 * this, so they agree on what is valid.
 */
public final class PackageValidator {

    private static final String MANIFEST = PackSelector.MANIFEST;

    private final ArchiveLimits limits;
    private final PackageLocation location;
    private final SuggestedCommands commands;
    private final PackageSteps steps;

    /**
     * A validator of an author's folder, as {@code prompd validate} and {@code prompd pack} read it, in that folder.
     *
     * @param commands how the hints spell the prompd commands they suggest, as the run that validates names them
     */
    public PackageValidator(ArchiveLimits limits, SuggestedCommands commands) {
        this(limits, commands, PackageSteps.here(commands));
    }

    /**
     * A validator of an author's folder, as {@code prompd validate} and {@code prompd pack} read it.
     *
     * @param commands how the hints spell the prompd commands they suggest, as the run that validates names them
     * @param steps    how they name the package's prompd.json and the install in its folder, from where the run is
     */
    public PackageValidator(ArchiveLimits limits, SuggestedCommands commands, PackageSteps steps) {
        this(limits, PackageLocation.WORKING_FOLDER, commands, steps);
    }

    /**
     * A validator of a registry's version folders, as its check and build read them: no prompd home is in use, so the
     * prompd commands the hints suggest are spelt plain.
     *
     * @param location where the packages' files are, for the hints on keeping a file out
     */
    public PackageValidator(ArchiveLimits limits, PackageLocation location) {
        this(limits, location, SuggestedCommands.PLAIN, PackageSteps.here(SuggestedCommands.PLAIN));
    }

    private PackageValidator(ArchiveLimits limits, PackageLocation location, SuggestedCommands commands,
                             PackageSteps steps) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.location = Objects.requireNonNull(location, "location");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    public PackageReport validate(PackageSource source) throws IOException {
        return validate(source, Optional.empty());
    }

    /**
     * @param home the path in the package of the prompd home in use, when it lies inside the package: left out whole,
     *             with a warning, as only the command that knows its home can
     */
    public PackageReport validate(PackageSource source, Optional<String> home) throws IOException {
        return validate(source, home, declared -> name -> Optional.empty());
    }

    /**
     * @param home         the path in the package of the prompd home in use, as for
     *                     {@link #validate(PackageSource, Optional)}
     * @param dependencies the versions of other packages the prompts get, given the ranges {@code "dependencies"}
     *                     declares: a variable that a prompt of one, which a prompt inherits, declares in that version
     *                     is declared ({@link DependencyParents})
     */
    public PackageReport validate(PackageSource source, Optional<String> home,
                                  Function<SortedMap<PackageName, VersionRange>, Versions> dependencies)
            throws IOException {
        Problems problems = new Problems();
        Contents contents = read(source, problems, home);
        ManifestDraft draft = contents.manifest().draft();
        warnAboutSecrets(contents.selection(), draft, problems);
        problems.addAll(contents.manifest().locate(tooLongFileNames(draft)));
        if (location == PackageLocation.WORKING_FOLDER) {
            warnAboutRepositoryPaths(draft, contents.selection(), problems);
        }
        problems.addAll(ContentCheck.check(source, readable(contents.selection().included()), contents.drafts(),
                contents.readme().map(Readme::path)));

        PromptPackage prompts = prompts(source, contents);
        problems.addAll(contents.manifest().locate(ManifestPaths.check(draft, MANIFEST, prompts.files(),
                prompts.leftOut())));
        problems.addAll(PromptValidator.validate(prompts, steps,
                DependencyParents.read(prompts, dependencies.apply(draft.dependencies()))));
        restateNeededOverLimit(contents, prompts.templates(), problems);
        return contents.report(problems);
    }

    /**
     * The error of a name and version that make a file name longer than any system takes, with the message the check
     * gives the version's folder ({@link VersionFileNames#tooLong}): unlike a registry's policy, this holds everywhere,
     * so the author hears it from validate, and pack refuses it before writing a tarball that no registry's build
     * could write, and no client install, and whose own name may be too long to write.
     */
    private static List<Problem> tooLongFileNames(ManifestDraft draft) {
        return draft.name().flatMap(name -> draft.version().flatMap(version -> VersionFileNames.tooLong(name, version)))
                .map(tooLong -> Problem.error(MANIFEST, Pointer.of(ManifestFields.VERSION), tooLong, "shorten \""
                        + ManifestFields.VERSION + "\" in " + MANIFEST))
                .stream().toList();
    }

    /**
     * A warning for each file or folder whose path in a registry's repository, once published, would be longer than a
     * registry's check allows by default: the author hears it before the pull request, and a registry may allow longer
     * paths, so it is no error. A version folder is held to its registry's own limit by the check.
     */
    private static void warnAboutRepositoryPaths(ManifestDraft draft, PackSelection selection, Problems problems) {
        if (draft.name().isEmpty() || draft.version().isEmpty()) {
            return;
        }
        String folder = RepositoryPaths.versionFolder(draft.name().get(), draft.version().get()) + "/";
        int limit = RepositoryPaths.DEFAULT_MAX_LENGTH;
        SortedSet<String> places = new TreeSet<>();
        selection.included().forEach(entry -> RepositoryPaths.overLimit(folder + entry.path(), limit)
                .ifPresent(places::add));
        for (String place : places) {
            // a name and version long enough put the version folder itself past the limit, the package's as a whole
            boolean inPackage = place.length() > folder.length();
            problems.warning(inPackage ? place.substring(folder.length()) : "", "", "in a registry's repository, "
                    + (inPackage ? RepositoryPaths.whose(place) + " would have " : "the version's folder, " + place
                    + ", would have ") + RepositoryPaths.beyond(RepositoryPaths.lengthOf(place), limit,
                    "a registry's check allows by default"), inPackage ? RepositoryPaths.SHORTEN + ", unless the"
                    + " package goes to a registry allowing longer ones" : "publish it under a shorter name");
        }
    }

    /**
     * The errors of the package's files over the limits (each file's size, their count and their total), as
     * {@link #validate} gives them: for a command that has just written a package to tell at once that validate and
     * pack will refuse it. Only the manifest is read, whose {@code "files"} and {@code "ignore"} make the selection,
     * unless a file is over the per-file limit: then the prompts too, to tell one they need, as validate does, rather
     * than say to leave it out.
     *
     * @param home the path in the package of the prompd home in use, as for {@link #validate(PackageSource, Optional)}
     */
    public List<Problem> overLimits(PackageSource source, Optional<String> home) throws IOException {
        ManifestDraft draft = readManifest(source, new Problems()).draft();
        PackSelection selection = PackSelector.select(source, draft.files(), draft.ignore(), limits, location, home);
        List<Problem> overLimits = PackSelector.overLimits(selection.included(), limits, location);
        if (overLimits.stream().allMatch(problem -> problem.file().isEmpty())) {
            return overLimits;
        }
        Contents contents = read(source, new Problems(), home);
        Problems problems = new Problems().addAll(overLimits);
        restateNeededOverLimit(contents, prompts(source, contents).templates(), problems);
        return problems.sorted();
    }

    /**
     * The references of the package's prompts to other packages that {@code "dependencies"} do not back as written,
     * as {@link #validate} finds them, without the rest of its checks: for a command that has just changed
     * {@code "dependencies"} to tell which references to write anew.
     *
     * @param home the path in the package of the prompd home in use, whose installed packages' prompts are not its
     *             own, as for {@link #validate(PackageSource, Optional)}
     */
    public List<DependencyMismatch> dependencyMismatches(PackageSource source, Optional<String> home)
            throws IOException {
        return PromptValidator.dependencyMismatches(prompts(source, read(source, new Problems(), home)));
    }

    /** The packed prompts, with the files their templates load, as validating them together needs them. */
    private PromptPackage prompts(PackageSource source, Contents contents) throws IOException {
        ManifestDraft draft = contents.manifest().draft();
        SortedSet<String> packed = new TreeSet<>();
        contents.selection().included().forEach(entry -> packed.add(entry.path()));
        LoadedTemplates.Loaded loaded = LoadedTemplates.read(contents.drafts(), readablePaths(contents),
                path -> Utf8.text(source.read(path)));
        return new PromptPackage(draft.name(), draft.dependencies(), draft.invalidRanges(), packed,
                contents.selection().leftOutReasons(), contents.drafts(), loaded.templates(), loaded.notText(),
                !draft.equals(ManifestDraft.empty()));
    }

    /**
     * The error of a file over the per-file limit that packed prompts need, directly or through the files their
     * templates load, with a hint naming them: the selection, made before any prompt is read, can only say to leave
     * the file out.
     *
     * @param templates the files the prompts' templates load
     */
    private void restateNeededOverLimit(Contents contents, SortedMap<String, String> templates, Problems problems) {
        Map<String, SourceEntry> overLimit = new HashMap<>();
        contents.selection().included().stream().filter(entry -> !limits.fitsOneFile(entry.size()))
                .forEach(entry -> overLimit.put(entry.path(), entry));
        if (overLimit.isEmpty()) {
            return;
        }
        LoadedTemplates.needs(overLimit.keySet(), contents.drafts(), templates).forEach((path, needs) -> problems
                .restate(PackSelector.overLimit(overLimit.get(path), limits, location,
                        location.shrinkOrUnrefer(needs.files(), needs.prompts()))));
    }

    /**
     * Reads a package that {@link #validate} already accepted, such as a version merged into a
     * registry through its pull-request check: the manifest, the pack selection and the prompt
     * files, with an error only for what would make a tarball or a document wrong (a manifest,
     * selection or prompt file that does not parse, a path the selection refuses, a name holding a likely
     * credential, which both would serve, a README that is no UTF-8 text, which the document would serve garbled).
     * The cross-file rules of {@link #validate}
     * (manifest paths, prompt references, template variables) are not run again: they cannot
     * change what is read, and re-running them for every version dominated a registry build.
     */
    public PackageReport readAccepted(PackageSource source) throws IOException {
        Problems problems = new Problems();
        return read(source, problems, Optional.empty()).report(problems);
    }

    /**
     * What both validating and reading parse: the manifest, the pack selection, the packed prompts and the README,
     * judged by one rule whether the manifest names it or not.
     */
    private Contents read(PackageSource source, Problems problems, Optional<String> home) throws IOException {
        ManifestResult manifest = readManifest(source, problems);
        PackSelection selection = PackSelector.select(source, manifest.draft().files(),
                manifest.draft().ignore(), limits, location, home);
        problems.addAll(manifest.locate(selection.problems()));
        problems.addAll(Secrets.inNames(selection.included().stream().map(SourceEntry::path).toList()));
        SortedMap<String, PromptParseResult> parsed = parsePrompts(source, readable(selection.included()), problems);
        SortedMap<String, PromptFile> prompts = new TreeMap<>();
        SortedMap<String, PromptFile> drafts = new TreeMap<>();
        parsed.forEach((path, result) -> {
            result.prompt().ifPresent(prompt -> prompts.put(path, prompt));
            result.draft().ifPresent(draft -> drafts.put(path, draft));
        });
        return new Contents(manifest, selection, prompts, drafts, readme(source, manifest.draft(), selection,
                problems));
    }

    /**
     * The package's README, as {@link PackageReadme} chooses it, with its text, or the error that it has none
     * ({@link ContentCheck#readmeNotText}); empty when the package has no README, or when it is over the per-file
     * limit, an error of the selection already.
     */
    private Optional<Readme> readme(PackageSource source, ManifestDraft draft, PackSelection selection,
                                    Problems problems) throws IOException {
        Optional<SourceEntry> entry = PackageReadme.path(draft.readme(), selection)
                .flatMap(path -> readable(selection.included()).stream().filter(file -> file.path().equals(path))
                        .findFirst());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String path = entry.get().path();
        byte[] bytes = source.read(path);
        Optional<String> text = Utf8.text(bytes);
        if (text.isEmpty()) {
            problems.add(ContentCheck.readmeNotText(path, bytes));
        }
        return Optional.of(new Readme(path, text));
    }

    /** @param text empty when the file is no UTF-8 text */
    private record Readme(String path, Optional<String> text) {
    }

    /**
     * @param prompts the prompt files without errors, as the report gives them
     * @param drafts  every prompt file whose front matter read, errors or not, so that one run
     *                validates what each holds beyond its errors
     * @param readme  the package's README, when it has one within the per-file limit
     */
    private record Contents(ManifestResult manifest, PackSelection selection, SortedMap<String, PromptFile> prompts,
                            SortedMap<String, PromptFile> drafts, Optional<Readme> readme) {
        PackageReport report(Problems problems) {
            return new PackageReport(manifest, selection, prompts, readme.flatMap(Readme::text), problems.sorted());
        }
    }

    /**
     * The regular files whose content validation reads: one over the per-file limit already has its
     * error from the selection, and reading it would cost as much as the file is large.
     */
    private List<SourceEntry> readable(List<SourceEntry> entries) {
        return entries.stream().filter(entry -> entry.isFile() && limits.fitsOneFile(entry.size())).toList();
    }

    /** The paths of the {@linkplain #readable readable} packed files. */
    private Set<String> readablePaths(Contents contents) {
        return readable(contents.selection().included()).stream().map(SourceEntry::path).collect(Collectors.toSet());
    }

    private ManifestResult readManifest(PackageSource source, Problems problems) throws IOException {
        ManifestResult result;
        Optional<SourceEntry> manifest = source.entry(MANIFEST).filter(SourceEntry::isFile);
        if (manifest.isPresent() && !limits.fitsOneFile(manifest.get().size())) {
            result = ManifestResult.tooLarge(MANIFEST, limits.notRead(manifest.get().size())
                    + location.limitSource(limits, ArchiveLimits.Bound.FILE_BYTES));
        } else if (manifest.isPresent()) {
            result = ManifestReader.read(MANIFEST, source.read(MANIFEST), commands);
        } else if (source.entry(Packer.ROOT + MANIFEST).filter(SourceEntry::isFile).isPresent()) {
            result = ManifestResult.unpackedWithItsFolder(MANIFEST, Packer.ROOT, Packer.UNPACK_COMMAND);
        } else {
            result = source.entries().stream().filter(SourceEntry::isFile).map(SourceEntry::path)
                    .filter(ManifestReader::isMiscased).findFirst()
                    .map(found -> ManifestResult.miscased(MANIFEST, found))
                    .orElseGet(() -> ManifestResult.missing(MANIFEST, commands));
        }
        problems.addAll(result.problems());
        return result;
    }

    /**
     * Warns of a file pack leaves out as secrets, unless the manifest's own {@code files} or {@code ignore} leaves it
     * out too: the author kept it out on purpose, and a warning no edit can silence would fail every
     * {@code validate --strict} of a package beside whose files a {@code .env.local} lives.
     */
    private static void warnAboutSecrets(PackSelection selection, ManifestDraft draft, Problems problems) {
        for (LeftOut left : selection.leftOut()) {
            if (left.reason() == LeftOut.Reason.SECRET
                    && !PackSelector.manifestLeavesOut(left.path(), draft.files(), draft.ignore())) {
                problems.warning(left.path(), "", "left out of the package because it looks like secrets",
                        "keep secrets out of package folders; pack never includes " + PackSelector.SECRET_LIST);
            } else if (left.reason() == LeftOut.Reason.HOME) {
                problems.warning(left.path(), "", "left out of the package: it is the prompd home in use, which holds"
                        + " the credentials 'prompd login' stores and the installed packages", "keep the prompd home"
                        + " outside package folders ($PROMPD_HOME, --home): a pack run with another home would take"
                        + " its files");
            }
        }
    }

    private static SortedMap<String, PromptParseResult> parsePrompts(PackageSource source, List<SourceEntry> files,
            Problems problems) throws IOException {
        SortedMap<String, PromptParseResult> parsed = new TreeMap<>();
        for (SourceEntry entry : files) {
            if (PromptFile.hasPromptExtension(entry.path())) {
                PromptParseResult result = PromptParser.parse(entry.path(), source.read(entry.path()));
                problems.addAll(result.problems());
                parsed.put(entry.path(), result);
            }
        }
        return parsed;
    }
}
