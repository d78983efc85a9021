package io.prompd.generator.check;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.Alias;
import io.prompd.core.prompt.PackageReference;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.prompt.PromptPart;
import io.prompd.core.resolve.Resolution;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every file a prompt of a new version takes from another package ({@code inherits}, {@code using}
 * with a path, {@code context}, {@code system}, ... written as {@code @scope/pkg@range/path})
 * exists in the version of that package the dependencies resolve to, read from the head.
 * Whether the package is a declared dependency at all is the prompt validator's rule.
 */
final class PackageReferenceRule implements PullRequestRule {

    /** A reference and the front-matter field that wrote it. */
    private record Located(PackageReference reference, String pointer) {
    }

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        Map<PackageVersion, PackageSource> sources = new HashMap<>();
        for (NewVersion version : pullRequest.newVersions()) {
            Optional<Resolution> resolution = pullRequest.resolution(version).resolution();
            if (resolution.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, PromptFile> prompt : version.report().prompts().entrySet()) {
                for (Located located : references(prompt.getValue())) {
                    PackageReference reference = located.reference();
                    Version chosen = resolution.get().versions().get(reference.packageName());
                    if (chosen == null || reference.path().isEmpty()) {
                        continue;
                    }
                    PackageVersion target = new PackageVersion(reference.packageName(), chosen);
                    PackageSource files = source(pullRequest, target, sources);
                    if (files.entry(reference.path()).filter(SourceEntry::isFile).isEmpty()) {
                        problems.add(Problem.error(version.repositoryPath(prompt.getKey()), located.pointer(),
                                "'" + reference.written() + "' points to " + reference.path() + ", which " + target.name()
                                        + " " + chosen + " (the version the dependencies resolve to) does not have",
                                "correct the path, or require a version of " + target.name() + " that has the file")
                                .atLine(prompt.getValue().lineOf(topKey(located.pointer()))));
                    }
                }
            }
        }
    }

    private static PackageSource source(PullRequest pullRequest, PackageVersion target,
                                        Map<PackageVersion, PackageSource> sources) throws IOException {
        PackageSource known = sources.get(target);
        if (known == null) {
            VersionFolder folder = pullRequest.head().folder(target.name(), target.version()).orElseThrow();
            known = pullRequest.head().source(folder);
            sources.put(target, known);
        }
        return known;
    }

    private static List<Located> references(PromptFile prompt) {
        List<Located> found = new ArrayList<>();
        prompt.inherits().filter(PackageReference.class::isInstance)
                .ifPresent(reference -> found.add(new Located((PackageReference) reference, "/inherits")));
        for (int index = 0; index < prompt.using().size(); index++) {
            Alias alias = prompt.using().get(index);
            found.add(new Located(alias.target(), "/using/" + index + "/name"));
        }
        Stream.of(prompt.contexts(), prompt.system(), prompt.user(), prompt.assistant(), prompt.response())
                .flatMap(List::stream)
                .filter(PromptPart.FilePart.class::isInstance)
                .map(PromptPart.FilePart.class::cast)
                .filter(part -> part.reference() instanceof PackageReference)
                .forEach(part -> found.add(new Located((PackageReference) part.reference(), part.pointer())));
        return found;
    }

    /** {@code inherits} for {@code /inherits}, {@code context} for {@code /context/1}: the key whose line is known. */
    private static String topKey(String pointer) {
        int slash = pointer.indexOf('/', 1);
        return slash < 0 ? pointer.substring(1) : pointer.substring(1, slash);
    }
}
