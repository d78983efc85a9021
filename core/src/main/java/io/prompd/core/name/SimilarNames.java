package io.prompd.core.name;

import io.prompd.core.Plural;
import io.prompd.core.problem.Spelling;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The existing names a user probably meant when the one they gave does not exist: the client's
 * "no package", the resolver's explanations and the registry check's unknown dependencies all
 * suggest the same ones, in the same words. A registry's names ({@link #among}) and the names a
 * user already has ({@link #amongOwn}, a project's dependencies, which uninstall and update take)
 * differ in one thing: a scope the names lack is another registry's only among a registry's.
 */
public final class SimilarNames {

    /**
     * Names further apart than this are more confusing than helpful; a short name may be fewer edits off, by {@link
     * Spelling#maxEdits(int, int)}.
     */
    private static final int MAX_EDITS = 3;
    private static final int MAX_SUGGESTIONS = 3;
    /** What {@link #edits} gives a candidate too far from the name asked to suggest. */
    private static final int FAR = Integer.MAX_VALUE;

    private SimilarNames() {
    }

    /**
     * Up to three of a registry's names, closest first: one that reads alike ({@link PackageName#lookalikeKey}), one
     * within the typing edits {@link Spelling#maxEdits(int, int)} allows a name of its length, or the same name, or
     * one a typo from it, in another scope ({@code @prompd/code-reviewer} for {@code code-reviewer},
     * {@code @common/base-prompts} for {@code @prompd/base-prompts}), a wrong scope being the likeliest slip; ties in
     * alphabetical order, so every run suggests the same. A scoped name's namesakes are offered only when its scope
     * has packages among the known: a scope they lack is most likely served elsewhere, its namesake here another
     * owner's package, and depending on that by mistake is what scopes are there to prevent.
     */
    public static List<PackageName> among(Collection<PackageName> known, PackageName asked) {
        return similar(known, asked, !asked.isScoped()
                || known.stream().anyMatch(candidate -> candidate.scope().equals(asked.scope())));
    }

    /**
     * Up to three of the names the user already has, a project's dependencies, that the name asked likely meant, as
     * {@link #among} finds them, but with a scoped name's namesakes in other scopes offered whatever scope it has: the
     * user chose these packages, so a namesake among them is no other owner's package taken by mistake, and a scope
     * none of them has is a slip, as likely as any other.
     */
    public static List<PackageName> amongOwn(Collection<PackageName> own, PackageName asked) {
        return similar(own, asked, true);
    }

    /** @param namesakesLikely whether a scoped name's namesakes in other scopes are to be offered */
    private static List<PackageName> similar(Collection<PackageName> known, PackageName asked,
                                             boolean namesakesLikely) {
        return known.stream()
                .filter(candidate -> !candidate.equals(asked))
                .map(candidate -> new Suggestion(candidate, edits(asked, candidate, namesakesLikely)))
                .filter(suggestion -> suggestion.edits() != FAR)
                .sorted(Comparator.comparingInt(Suggestion::edits).thenComparing(Suggestion::name))
                .limit(MAX_SUGGESTIONS)
                .map(Suggestion::name)
                .toList();
    }

    /**
     * How far the candidate is from the name asked, {@link #FAR} when too far to suggest: a namesake in another scope
     * counts the change of scope as one edit, and may differ by one more in its name (a one-letter name by none, as
     * {@link Spelling#maxEdits(int, int)} holds it), so that 'code-reviewer-l' is not taken for '@acme/code-reviewer'.
     */
    private static int edits(PackageName asked, PackageName candidate, boolean namesakesLikely) {
        if (candidate.lookalikeKey().equals(asked.lookalikeKey())) {
            return 0;
        }
        String text = asked.toString();
        int typed = Spelling.distance(text, candidate.toString());
        // a scope with no packages here is another registry's, or mistyped: it is taken for a scope here only then
        boolean inReach = namesakesLikely || candidate.isScoped()
                && Spelling.distance(asked.scope(), candidate.scope()) <= Spelling.maxEdits(asked.scope().length(), 1);
        int closest = inReach && typed <= Spelling.maxEdits(text.length(), MAX_EDITS) ? typed : FAR;
        if (namesakesLikely && !candidate.scope().equals(asked.scope())) {
            int inName = Spelling.distance(asked.name(), candidate.name());
            if (inName <= Spelling.maxEdits(asked.name().length(), 1)) {
                closest = Math.min(closest, 1 + inName);
            }
        }
        return closest;
    }

    /** {@code did you mean @a/x, @a/y or @b/x?} */
    public static String didYouMean(List<PackageName> names) {
        return "did you mean " + Plural.series(names.stream().map(PackageName::toString).toList(), "or") + "?";
    }

    /**
     * The question for names asked that are none of the user's {@code own} ones: {@link #didYouMean(List)} of those
     * {@link #amongOwn} finds for one name asked, and for several, each name's own after it, {@code did you mean @a/x
     * for @a/y, and @b/z or @b/w for @b/v?}; empty when no name asked has a similar one.
     */
    public static Optional<String> didYouMeanAmongOwn(List<PackageName> asked, Collection<PackageName> own) {
        if (asked.size() == 1) {
            List<PackageName> similar = amongOwn(own, asked.get(0));
            return similar.isEmpty() ? Optional.empty() : Optional.of(didYouMean(similar));
        }
        List<String> each = asked.stream()
                .map(name -> Map.entry(name, amongOwn(own, name)))
                .filter(similar -> !similar.getValue().isEmpty())
                .map(similar -> Plural.series(similar.getValue().stream().map(PackageName::toString).toList(), "or")
                        + " for " + similar.getKey())
                .toList();
        if (each.isEmpty()) {
            return Optional.empty();
        }
        // a comma before the last "and" too: a name's own suggestions may be a series of their own
        return Optional.of("did you mean " + (each.size() == 1 ? each.get(0)
                : String.join(", ", each.subList(0, each.size() - 1)) + ", and " + each.get(each.size() - 1)) + "?");
    }

    private record Suggestion(PackageName name, int edits) {
    }
}
