/**
 * The registry's pull-request check: {@link io.prompd.generator.check.PullRequestChecker} compares
 * a pull request's head with its merge base and returns a {@link io.prompd.generator.check.CheckReport}
 * with every problem, which the command's {@code io.prompd.generator.cli.CheckReportView} writes as
 * text, Markdown or JSON. Each rule is one class implementing {@code PullRequestRule}; the registry's
 * {@code index-template/README.md} ("What the check enforces") describes them for people, and
 * the two must agree.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Who may do what is read from the tip of the base branch (registry.json, scopes.json,
 *       meta.json), never from the pull request itself, so a right revoked there since the pull
 * request branched off is gone for it too; so is the policy. Maintainers may change anything but a published version,
 *       which they may only take down whole, recording it in meta.json's {@code takenDown}, which
 *       nobody changes after; only they change registry.json, scopes.json and the
 *       repository's documentation and CI.</li>
 *   <li>A new unscoped name is anyone's, but its pull request must add its meta.json with the
 *       author among the owners, so the name has owners from its first version on.</li>
 *   <li>Reserved names, and names that read like them, are refused unless a maintainer publishes.
 *       A new scope that reads like an existing one is refused, a maintainer's too, as a look-alike
 *       name is: each of its packages would read like one of the other scope's.</li>
 *   <li>A new version's dependencies are judged against the head as the merge leaves it
 *       ({@link io.prompd.generator.check.MergedPackages}): a yank or takedown on the base branch since
 *       the pull request branched off is the error it is after the merge; a version published there since
 *       is not counted, but named with the advice to merge the base branch in.</li>
 *   <li>A file taken from another package must exist in the version the dependencies resolve to
 *       (an error); another non-yanked version its range allows without the file is a warning. So is a new
 *       version without a file that other packages' published versions take from it, with a range that allows
 *       it: the registry cannot stop a release, and lock files may pin an earlier version.</li>
 *   <li>A yank that leaves other packages' published versions with a range no version left unyanked
 *       satisfies is a warning, not an error: withdrawing a broken version must stay possible (as in
 *       cargo), and lock files keep installing the dependents.</li>
 *   <li>Only cycles through a new version are refused: older data may hold cycles, which the
 *       resolver copes with.</li>
 *   <li>A version folder is exactly what {@code prompd pack} packs, so a file pack leaves out,
 *       {@code .env*} above all, is an error rather than pack's warning.</li>
 *   <li>Only what the rules need is read: both listings (not manifests) of the registry, the new
 *       folders, the manifests of packages the resolver visits, every manifest only when a pull
 *       request yanks, or adds a version without a file another version of its package has (to find the
 *       dependents, whose prompts are read only where their range allows that version), the history of
 *       published folders only when a pull request touches one, and of the pull request's own commits the
 *       files they changed, searched for credentials only where the head no longer has that content.</li>
 * </ul>
 */
package io.prompd.generator.check;
