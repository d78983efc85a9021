package io.prompd.generator.cli;

import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.resolve.Takedowns;
import io.prompd.generator.build.BuildWarning;
import io.prompd.generator.build.BuildWarning.BaseUrlChanged;
import io.prompd.generator.build.BuildWarning.HeadMetaUnread;
import io.prompd.generator.build.BuildWarning.HistoryRewritten;
import io.prompd.generator.build.BuildWarning.OfServedOutput;
import io.prompd.generator.build.BuildWarning.ReusedNumbersServed;
import io.prompd.generator.build.BuildWarning.ServedVersionsLeftOut;
import io.prompd.generator.build.BuildWarning.TakenDownServedAgain;
import io.prompd.generator.build.BuildWarning.Uncommitted;
import io.prompd.generator.build.BuildWarning.UnmetDependency;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.UncommittedFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Words a {@link BuildWarning}, as the client words its install warnings: the sentence a person reads after
 * {@code warning: }, and the object {@code --json} gives, {@code kind} naming what it is, the fields of the kind, and
 * {@code message} holding the same sentence.
 */
final class BuildWarningView {

    /** What reads the commit, as the warning of files left uncommitted names it. */
    private static final String READER = "the build";

    private BuildWarningView() {
    }

    /** The warning's sentence about the output folder {@code out}, as {@code warning: } precedes it on stderr. */
    static String text(BuildWarning warning, Path out) {
        if (warning instanceof HeadMetaUnread unread) {
            return unread.missed() + ", as --allow-unread-head-meta allows";
        }
        if (warning instanceof Uncommitted uncommitted) {
            return uncommitted.files().message(READER);
        }
        if (warning instanceof UnmetDependency unmet) {
            return unmet.message();
        }
        String previousBuild = " that its build of commit " + RegistryRepository.shortId(
                ((OfServedOutput) warning).previousCommit());
        if (warning instanceof TakenDownServedAgain again) {
            // the reasons are the repository's, or the served documents' when its state was unusable
            return out + " goes back to serving " + Plural.count(again.reasons().size(), "version") + previousBuild
                    + " took down (" + TerminalText.line(Takedowns.withReasons(again.reasons())) + "), as --force"
                    + " allows";
        }
        if (warning instanceof HistoryRewritten rewritten) {
            return out + " now gives " + Plural.count(rewritten.versions().size(), "version") + previousBuild
                    + " served another publishing commit (" + Plural.named(rewritten.versions()) + "): the"
                    + " branch's history was rewritten (a purge with git filter-branch or git filter-repo gives every"
                    + " commit from the first it changes a new id), so their version documents, served as never"
                    + " changing, changed, as did their packages' index.json and registry.json, "
                    + (rewritten.updatedAtKept() ? "while their packages' updatedAt, and so their lines in"
                    + " packages.json, stayed the same" : "and the updatedAt of some of their packages moved (as when"
                    + " a git rebase --ignore-date rewrites the commit times too)") + "; purge those documents (or the"
                    + " whole registry) from every CDN and proxy cache, and have every mirror copy the whole registry"
                    + " again, as one syncing by updatedAt misses "
                    + (rewritten.updatedAtKept() ? "the change" : "every package whose updatedAt stayed");
        }
        if (warning instanceof BaseUrlChanged changed) {
            return out + " now has " + urls(changed.baseUrl()) + " where its build of commit "
                    + RegistryRepository.shortId(changed.previousCommit()) + " had " + urls(changed.previousBaseUrl())
                    + ", so " + Plural.count(changed.versionDocuments(), "version document") + " it served, as"
                    + " never changing, changed, as did every index.json and registry.json; purge them (or the whole"
                    + " registry) from every CDN and proxy cache";
        }
        if (warning instanceof ReusedNumbersServed reused) {
            return out + " keeps serving " + Plural.count(reused.removals().size(), "version") + previousBuild
                    + " served with other files than its number was first published with ("
                    + reused.removals().entrySet().stream().map(number -> number.getKey() + ", "
                            + number.getValue().describe()).collect(Collectors.joining("; "))
                    + "), added back past the check before it refused a reused number: lock files made since pin"
                    + " these files, and those made before the deletion pin the first ones, whose integrity check"
                    + " fails; a build into an empty folder, which has no record of what was served, refuses them";
        }
        ServedVersionsLeftOut leftOut = (ServedVersionsLeftOut) warning;
        return out + " no longer serves " + Plural.count(leftOut.versions().size(), "version") + previousBuild
                + " served, with no takedown record (" + Plural.named(leftOut.versions()) + "), as --force"
                + " allows; a later build refuses other files under their numbers";
    }

    /**
     * {@code {"kind": "uncommittedFiles", "commit": …, "paths": […], "message": …}}: every file, where the
     * message names a few; the check's {@code --json} gives it alike.
     *
     * @param reader what reads only the commit, as in "the build"
     */
    static Map<String, Object> uncommitted(UncommittedFiles files, String reader) {
        Map<String, Object> json = new TreeMap<>();
        json.put("kind", "uncommittedFiles");
        json.put("commit", files.commit());
        json.put("paths", files.paths());
        json.put("message", files.message(reader));
        return json;
    }

    /** How a build with this base URL writes its URLs. */
    private static String urls(Optional<String> baseUrl) {
        return baseUrl.map(url -> "URLs under " + url + " (--base-url)").orElse("relative URLs");
    }

    /**
     * {@code {"kind": "servedVersionsLeftOut", "previousCommit": …, "versions": [{"name", "version"}], "message": …}},
     * {@code historyRewritten} of the same fields and {@code updatedAtKept}, or {@code takenDownServedAgain} with each
     * version's {@code reason}, left out when its takedown gave none, as {@code check --json} gives a takedown, or
     * {@code baseUrlChanged} with {@code previousBaseUrl} and {@code baseUrl}, each left out for relative URLs, and
     * {@code versionDocuments}, how many changed, or {@code reusedNumbersServed} with each version's
     * {@code publishedIn} and {@code deletedIn}, the commits that first published and deleted its number, each with
     * {@code previousCommit}; or {@code headMetaUnread} with {@code head}, {@code branch} (left out when HEAD is
     * detached) and {@code packages}; or {@code uncommittedFiles} as {@link #uncommitted} gives it; or
     * {@code unmetDependency} with {@code name}, {@code version}, {@code dependency}, {@code range} and {@code served},
     * the versions of the dependency served, yanked ones left out, absent when the registry has no such package.
     */
    static Map<String, Object> asJson(BuildWarning warning, Path out) {
        Map<String, Object> json = new TreeMap<>();
        if (warning instanceof OfServedOutput served) {
            json.put("previousCommit", served.previousCommit());
        }
        if (warning instanceof Uncommitted uncommitted) {
            return uncommitted(uncommitted.files(), READER);
        }
        if (warning instanceof UnmetDependency unmet) {
            json.putAll(VersionJson.of(unmet.version()));
            json.put("kind", "unmetDependency");
            json.put("dependency", unmet.dependency().toString());
            json.put("range", unmet.range().text());
            unmet.served().ifPresent(versions -> json.put("served", versions.stream().map(Object::toString).toList()));
        } else if (warning instanceof HeadMetaUnread unread) {
            json.put("kind", "headMetaUnread");
            json.put("head", unread.head().commit());
            unread.head().branch().ifPresent(branch -> json.put("branch", branch));
            json.put("packages", unread.packages().stream().map(Object::toString).toList());
        } else if (warning instanceof TakenDownServedAgain again) {
            json.put("kind", "takenDownServedAgain");
            json.put("versions", VersionJson.takenDown(again.reasons()));
        } else if (warning instanceof HistoryRewritten rewritten) {
            json.put("kind", "historyRewritten");
            json.put("versions", rewritten.versions().stream().map(VersionJson::of).toList());
            json.put("updatedAtKept", rewritten.updatedAtKept());
        } else if (warning instanceof BaseUrlChanged changed) {
            json.put("kind", "baseUrlChanged");
            changed.previousBaseUrl().ifPresent(url -> json.put("previousBaseUrl", url));
            changed.baseUrl().ifPresent(url -> json.put("baseUrl", url));
            json.put("versionDocuments", changed.versionDocuments());
        } else if (warning instanceof ReusedNumbersServed reused) {
            json.put("kind", "reusedNumbersServed");
            json.put("versions", reused.removals().entrySet().stream().map(number -> {
                Map<String, Object> version = VersionJson.of(number.getKey());
                version.put("publishedIn", number.getValue().publication().commit().name());
                version.put("deletedIn", number.getValue().removedIn().name());
                return version;
            }).toList());
        } else {
            json.put("kind", "servedVersionsLeftOut");
            json.put("versions", ((ServedVersionsLeftOut) warning).versions().stream().map(VersionJson::of)
                    .toList());
        }
        json.put("message", text(warning, out));
        return json;
    }
}
