package io.prompd.generator.check;

import io.prompd.core.json.Pointer;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.core.protocol.Packument;
import io.prompd.core.version.Version;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.VersionFolder;
import java.util.SortedMap;

/**
 * A changed meta.json speaks only of versions that exist at the head: every dist-tag points to
 * one, every yank and deprecation names one, and a meta.json without any version folder beside it
 * is refused (it would claim a name without publishing anything). Whether it parses is
 * {@link SettingsFilesRule}'s, who may change it {@link OwnershipRule}'s.
 */
final class MetaFileRule implements PullRequestRule {

    private static final String VERSION_HINT = "name the exact version of a folder of the package, such as 1.2.0";

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.META)) {
            if (changed.change().type() == ChangeType.DELETED) {
                continue;
            }
            PackageName name = changed.path().name().orElseThrow();
            String file = changed.change().path();
            SortedMap<Version, VersionFolder> versions = pullRequest.head().packages().get(name);
            if (versions == null) {
                problems.error(file, "", name + " has no version folder, so it cannot have a meta.json",
                        "publish a first version of " + name + " in the same pull request");
                continue;
            }
            PackageMeta meta = pullRequest.head().meta(name);
            meta.distTags().forEach((tag, version) -> {
                if (!versions.containsKey(version)) {
                    problems.error(file, Pointer.of("distTags", tag), "the dist-tag '" + tag + "' points to " + version
                            + ", which is not a published version of " + name, VERSION_HINT);
                } else if (meta.isYanked(version)) {
                    taggedYanked(problems, file, name, tag, version);
                }
            });
            meta.yanked().keySet().stream().filter(version -> !versions.containsKey(version)).forEach(version ->
                    problems.error(file, Pointer.of("yanked", version.toString()), "yanks " + version
                            + ", which is not a published version of " + name, VERSION_HINT));
            meta.deprecated().keySet().stream().filter(version -> !versions.containsKey(version)).forEach(version ->
                    problems.error(file, Pointer.of("deprecated", version.toString()), "deprecates " + version
                            + ", which is not a published version of " + name, VERSION_HINT));
            if (name.isScoped() && !meta.owners().isEmpty()) {
                problems.warning(file, Pointer.of("owners"), "owners in meta.json count only for unscoped packages; "
                        + name.scopeWithAt() + " is owned through scopes.json", "remove \"owners\", or ask a"
                        + " maintainer to change the scope's owners in scopes.json");
            }
        }
    }

    /**
     * {@code prompd install NAME} asks for the version {@code latest} points to, which the resolver
     * then refuses as yanked, so that tag on a yanked version breaks every install without a range.
     */
    private static void taggedYanked(Problems problems, String file, PackageName name, String tag, Version version) {
        String pointer = Pointer.of("distTags", tag);
        String message = "the dist-tag '" + tag + "' points to " + version + ", which is yanked";
        if (tag.equals(Packument.LATEST)) {
            problems.error(file, pointer, message + ", so 'prompd install " + name + "' would fail",
                    "point latest at a version that is not yanked, or remove it to mean the highest such version");
        } else {
            problems.warning(file, pointer, message + ", so 'prompd install " + name + "@" + tag + "' finds nothing",
                    "point the tag at a version that is not yanked, or remove it");
        }
    }
}
