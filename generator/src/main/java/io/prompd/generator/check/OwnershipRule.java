package io.prompd.generator.check;

import io.prompd.core.Plural;
import io.prompd.core.ShellWords;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.FileMode;

/**
 * Who may change what, decided from the pull request's author and the settings at the tip of the
 * base branch ({@link PullRequest#baseTip}), where a right granted or revoked since the pull
 * request branched off already counts:
 * <ul>
 *   <li>maintainers (registry.json) may change anything, and only they may change registry.json,
 *       scopes.json (so only they create scopes) and the repository's documentation and CI files, and delete
 *       what does not fit the registry's layout;
 *       a scope they publish in must be declared in scopes.json at the head, and an unscoped
 *       package they publish must get owners in its meta.json;</li>
 *   <li>a scoped package's versions and meta.json belong to the scope's owners, directly or through
 *       a team; a scope that the base branch does not declare has no owners yet;</li>
 *   <li>an unscoped package belongs to the owners its meta.json lists on the base branch; a name
 *       nobody has used is anyone's to claim, by adding its meta.json with themselves as owner.</li>
 * </ul>
 * A part of those files that does not read on the base branch grants nothing and denies nothing either: who it names
 * is unknown, and the check says so with the file's errors there rather than judge as if it named nobody.
 */
final class OwnershipRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        if (pullRequest.changes().isEmpty()) {
            return;
        }
        RegistrySnapshot settings = pullRequest.baseTip();
        if (!pullRequest.maintainersKnown()) {
            // nobody would be a maintainer, and every verdict below would rest on that, whoever the author is; the
            // rules on reserved names and takedowns pass no verdict on it either, and the default limits a new
            // version is held to are the highest a policy sets, so that what they refuse any policy would
            problems.error("", "", "who may make these changes cannot be told, nor whether they keep to the registry's"
                    + " policy (its reserved names, and its limits on files and sizes where lower than prompd's): "
                    + RegistryConfig.FILE + " on the base branch does not read, so its maintainers and its policy are"
                    + " unknown", repairOnBase(RegistryConfig.FILE));
            baseErrors(settings, RegistryConfig.FILE, problems);
            return;
        }
        if (pullRequest.actor().isEmpty()) {
            problems.error("", "", "the pull request's author is unknown, so who may make these"
                    + " changes cannot be checked",
                    "run the check with --actor LOGIN, the GitHub login of the pull request's author");
            return;
        }
        String login = pullRequest.actor().get();
        if (pullRequest.isMaintainer(login)) {
            checkNewPackagesHaveOwners(pullRequest, problems);
            return;
        }
        SortedMap<PackageName, List<Change>> packages = new TreeMap<>();
        // each at its first changed line, where a reviewer finds the change
        SortedMap<String, Integer> maintainersOnly = new TreeMap<>();
        for (PullRequest.ChangedFile changed : pullRequest.changes()) {
            switch (changed.path().kind()) {
                case SETTINGS, REPOSITORY_FILE -> maintainersOnly.put(changed.change().path(),
                        FirstChangedLine.of(pullRequest.repository(), changed.change()));
                case VERSION_FILE, META -> packages.computeIfAbsent(changed.path().name().orElseThrow(),
                        unseen -> new ArrayList<>()).add(changed.change());
                case OTHER -> {
                    // added or changed, it is refused whoever does it, by AllowedPathsRule; deleted, it belongs to
                    // nobody's package, and a folder that does not fit is one place however many files it holds
                    if (changed.change().type() == ChangeType.DELETED) {
                        maintainersOnly.put(changed.path().place(), 0);
                    }
                }
            }
        }
        maintainersOnly.forEach((path, line) -> problems.add(Problem.error(path, "", "only registry maintainers may"
                + " change " + path + ", and " + login + " is not one", "ask a maintainer (\"maintainers\" in"
                + " registry.json) to make this change").atLine(line)));
        // a scope's owners are judged once for all of its packages, so that a pull request adding many is one refusal
        SortedMap<String, SortedMap<PackageName, List<Change>>> scopes = new TreeMap<>();
        packages.forEach((name, changes) -> {
            if (name.isScoped()) {
                scopes.computeIfAbsent(name.scopeWithAt(), unseen -> new TreeMap<>()).put(name, changes);
            } else {
                refusal(pullRequest, login, name).map(refused -> withModes(refused, changes)).ifPresent(problems::add);
            }
        });
        scopes.forEach((scope, changed) -> scopeRefusal(settings, login, scope, List.copyOf(changed.keySet()),
                        onlyMeta(changed))
                .map(refused -> withModes(refused, changed.values().stream().flatMap(List::stream).toList()))
                .ifPresent(problems::add));
        if (scopes.keySet().stream().anyMatch(scope -> !scopeReads(settings, scope))) {
            baseErrors(settings, Scopes.FILE, problems);
        }
    }

    /** Whether the changes to the packages are to their meta.json files alone, which publish nothing. */
    private static boolean onlyMeta(SortedMap<PackageName, List<Change>> changed) {
        return changed.entrySet().stream().allMatch(entry -> entry.getValue().stream()
                .allMatch(change -> change.path().equals(RepositoryLayout.metaFile(entry.getKey()))));
    }

    /** Whether the entry of the scope in scopes.json on the base branch reads. */
    private static boolean scopeReads(RegistrySnapshot settings, String scope) {
        return settings.parsedScopes().reads(Pointer.of("scopes", scope));
    }

    /**
     * The errors of a settings file on the base branch, said to be there: whose they are, where and what, for a
     * maintainer to repair; the pull request's own file may be another, or the same one left as it is.
     */
    private static void baseErrors(RegistrySnapshot settings, String file, Problems problems) {
        settings.problems().stream().filter(problem -> problem.isError() && problem.file().equals(file))
                .forEach(problem -> problems.add(new Problem(problem.severity(), file,
                                problem.pointer(), problem.line(),
                        "on the base branch: " + problem.message(), repairOnBase(file))));
    }

    private static String repairOnBase(String file) {
        return "ask a maintainer to repair " + file + " on the base branch, then merge the base branch into this pull"
                + " request";
    }

    /**
     * A refusal of changes that are executable bits alone says what they are: the report lists them nowhere else,
     * as they change nothing served, and the author may not know that Git recorded them. Any other is as it is.
     */
    private static Problem withModes(Problem refused, List<Change> changes) {
        if (!changes.stream().allMatch(Change::onlyExecutableBit)) {
            return refused;
        }
        String what = changes.stream().map(change -> change.path() + " changed from " + Change.kindOf(change.oldMode())
                + " to " + Change.kindOf(change.newMode())).collect(Collectors.joining(", "));
        String undo = changes.stream().map(change -> "git update-index --chmod="
                + (change.newMode() == FileMode.EXECUTABLE_FILE ? "-x " : "+x ") + ShellWords.path(change.path()))
                .collect(Collectors.joining(" and "));
        return Problem.error(refused.file(), refused.pointer(), refused.message() + "; the pull request changes nothing"
                + " of it but file modes: " + what, "take the change back (" + undo + "): a tarball holds no file mode,"
                + " so it changes nothing served; or " + refused.hint());
    }

    /**
     * A maintainer may publish the first package of a scope, or a new unscoped package, but the
     * package must still get owners at the head: the scope declared in scopes.json, or the unscoped
     * package's meta.json listing them. Otherwise only maintainers could ever publish or manage it.
     * Anyone else is held to this already, since they must list themselves as owners.
     */
    private static void checkNewPackagesHaveOwners(PullRequest pullRequest, Problems problems) {
        RegistrySnapshot head = pullRequest.head();
        // a scope missing is one error, at its first new package, however many it has
        Set<String> undeclared = new HashSet<>();
        for (PackageName name : pullRequest.newPackages()) {
            String folder = RepositoryLayout.packageFolder(name);
            if (name.isScoped() && !head.scopes().isKnownScope(name.scopeWithAt())) {
                if (undeclared.add(name.scopeWithAt())) {
                    problems.add(!head.parsedScopes().reads(Pointer.of("scopes", name.scopeWithAt()))
                            ? unknownAtHead(folder, "whether the scope " + name.scopeWithAt() + " is declared",
                                    Scopes.FILE)
                            : Problem.error(folder, "", "the scope " + name.scopeWithAt()
                                    + " is not declared in scopes.json",
                                    "add it to scopes.json with its owners in this pull request"));
                }
            } else if (!name.isScoped() && head.meta(name).owners().isEmpty()) {
                problems.add(!head.parsedMeta(name).reads("/owners")
                        ? unknownAtHead(folder, "who owns the new package " + name, RepositoryLayout.metaFile(name))
                        : Problem.error(folder, "", "the new unscoped package " + name + " has no owners, so nobody but"
                                + " the maintainers could publish or manage it", "add "
                                + RepositoryLayout.metaFile(name) + " with \"owners\", such as {\"owners\":"
                                + " [\"<login>\"]}, in this pull request"));
            }
        }
    }

    /**
     * The error for what a settings file as the pull request leaves it would tell, had that part of it read: an entry
     * that does not read is not one that is missing, and its own errors say why.
     */
    private static Problem unknownAtHead(String folder, String what, String file) {
        return Problem.error(folder, "", what + " cannot be told: " + file + " does not read as this pull request"
                + " leaves it", "correct the errors of " + file + " in this pull request");
    }

    /**
     * The one refusal of the changes to the scope's packages (in name order), at the first one's folder, naming the
     * others; empty when the login may make them.
     *
     * @param onlyMeta whether the changes are to the packages' meta.json alone, which an owner makes, not publishes
     */
    private static Optional<Problem> scopeRefusal(RegistrySnapshot settings, String login, String scope,
                                                  List<PackageName> names, boolean onlyMeta) {
        if (settings.scopes().publishers(scope).contains(login)) {
            return Optional.empty();
        }
        String folder = RepositoryLayout.packageFolder(names.get(0));
        String changed = names.size() == 1 ? names.get(0).toString()
                : Plural.count(names.size(), "package") + " of it: " + Plural.named(names);
        if (!scopeReads(settings, scope)) {
            // an entry that does not read is no entry, nor one without this owner: its owners are unknown
            return Optional.of(Problem.error(folder, "", "the owners of the scope " + scope + " are unknown: "
                    + Scopes.FILE + " on the base branch does not read, so only maintainers may change " + changed,
                    repairOnBase(Scopes.FILE)));
        }
        if (!settings.scopes().isKnownScope(scope)) {
            return Optional.of(Problem.error(folder, "", !settings.namesInUse(scope).isEmpty()
                    ? "the scope " + scope + " has packages but no entry in scopes.json, so it has no owners, and only"
                            + " maintainers may publish in it"
                    : "the scope " + scope + " does not exist yet, and only maintainers may create scopes",
                    "ask a maintainer to add " + scope + " to scopes.json, with you among its owners"));
        }
        String ask = !onlyMeta ? "publish it" : names.size() == 1 ? "make this change to meta.json"
                : "make these changes to their meta.json files";
        return Optional.of(Problem.error(folder, "", login + " is not an owner of the scope " + scope + ", directly"
                + " or through a team, in scopes.json on the base branch, so may not change " + changed + "; "
                + Scopes.FILE + " lists as its " + publishers(settings.scopes(), scope),
                // its owners cannot grant it: only maintainers may change scopes.json
                "ask one of them to " + ask + ", or open an issue asking a maintainer to add you to the owners of "
                        + scope + " (or to one of its teams) in scopes.json, as CONTRIBUTING.md says"));
    }

    /**
     * {@code owners Alice and zoe, and as its teams core (Bob, carol) and web (no members)}: whom the author of a
     * refused change may ask, their logins as the file writes them, so that they can be found on GitHub.
     */
    private static String publishers(Scopes scopes, String scope) {
        Scopes.ScopeOwnership ownership = scopes.scopes().get(scope);
        List<String> named = new ArrayList<>();
        if (!ownership.owners().isEmpty()) {
            named.add((ownership.owners().size() == 1 ? "owner " : "owners ")
                    + Plural.series(List.copyOf(ownership.owners()), "and"));
        }
        if (!ownership.teams().isEmpty()) {
            List<String> teams = ownership.teams().stream().map(team -> team + " ("
                    + members(scopes.teams().getOrDefault(team, Collections.emptySortedSet())) + ")").toList();
            named.add((teams.size() == 1 ? "team " : "teams ") + Plural.series(teams, "and"));
        }
        return String.join(", and as its ", named);
    }

    /** A team's members, or what stands in their place when it has none (declared empty, or not declared). */
    private static String members(Set<String> members) {
        return members.isEmpty() ? "no members" : Plural.named(members);
    }

    /** The refusal of the changes to an unscoped package; empty when the login may make them. */
    private static Optional<Problem> refusal(PullRequest pullRequest, String login, PackageName name) {
        RegistrySnapshot settings = pullRequest.baseTip();
        String folder = RepositoryLayout.packageFolder(name);
        PackageMeta owned = settings.meta(name);
        if (pullRequest.isTaken(name)) {
            if (owned.owners().contains(login)) {
                return Optional.empty();
            }
            if (!settings.parsedMeta(name).reads("/owners")) {
                return Optional.of(Problem.error(folder, "", "the owners of " + name + " are unknown: its"
                        + " meta.json on the base branch does not read, so only maintainers may change " + name,
                        repairOnBase(RepositoryLayout.metaFile(name))));
            }
            String listed = owned.owners().isEmpty() ? "no owners" : String.join(", ", owned.owners());
            String hint = "ask an owner to add you to \"owners\" in " + RepositoryLayout.metaFile(name);
            // the author's branch does not show a claim made since it branched off, so the error says where it is
            return Optional.of(pullRequest.takenSinceBranching(name)
                    ? Problem.error(folder, "", "the name " + name + " is taken: it was claimed on the base branch"
                            + " after this pull request branched off, and its meta.json there lists " + listed,
                            "choose another name, or " + hint)
                    : Problem.error(folder, "", login + " is not an owner of " + name + " (its meta.json on the base"
                            + " branch lists " + listed + ")", hint));
        }
        Set<String> owners = pullRequest.head().meta(name).owners();
        if (owners.contains(login)) {
            return Optional.empty();
        }
        String meta = RepositoryLayout.metaFile(name);
        if (!pullRequest.head().parsedMeta(name).reads("/owners")) {
            return Optional.of(unknownAtHead(folder, "who owns the new package " + name, meta));
        }
        // a file that is there is where the error is, and owners it lists are added to, not written anew
        boolean metaThere = pullRequest.head().packagesWithMeta().contains(name);
        if (!metaThere || owners.isEmpty()) {
            String listing = "{\"owners\": [\"" + login + "\"]}";
            return Optional.of(Problem.error(metaThere ? meta : folder, "", "a new unscoped package needs " + meta
                    + " listing its owners, and " + login + " among them", metaThere
                    ? "give it \"owners\" listing " + login + ": " + listing : "add " + listing + " to " + meta));
        }
        return Optional.of(Problem.error(meta, "/owners", "a new unscoped package is claimed by the author of the pull"
                + " request that adds it, listed among its owners, and " + meta + " lists as its owners "
                + Plural.series(List.copyOf(owners), "and") + ", without " + login, "add \"" + login + "\" to"
                + " \"owners\" in " + meta + ", or have one of the owners it lists open this pull request"));
    }
}
