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
 * suggest the same ones, in the same words.
 */
public final class SimilarNames {

    /**
     * Names further apart than this are more confusing than helpful; a short name may be fewer edits off, by {@link
     * Spelling#maxEdits(int, int)}.
     */
    private static final int MAX_EDITS = 3;
    private static final int MAX_SUGGESTIONS = 3;

    private SimilarNames() {
    }

    /**
     * Up to three known names, closest first: one that reads alike ({@link PackageName#lookalikeKey}),
     * the same name in a scope when the name asked has none ({@code @prompd/code-reviewer} for {@code code-reviewer}),
     * or one within the typing edits {@link Spelling#maxEdits(int, int)} allows a name of its length; ties in
     * alphabetical order, so every run suggests the same. A scoped name's namesake in an unrelated scope is not
     * offered: it is another owner's package, most likely not what was meant when the scope's own are served
     * elsewhere, and depending on it by mistake is what scopes are there to prevent.
     */
    public static List<PackageName> among(Collection<PackageName> known, PackageName asked) {
        String text = asked.toString();
        int maxEdits = Spelling.maxEdits(text.length(), MAX_EDITS);
        return known.stream()
                .filter(candidate -> !candidate.equals(asked))
                .map(candidate -> new Suggestion(candidate, candidate.lookalikeKey().equals(asked.lookalikeKey()) ? 0
                        : !asked.isScoped() && candidate.name().equals(asked.name()) ? 1
                        : Spelling.distance(text, candidate.toString())))
                .filter(suggestion -> suggestion.edits() <= maxEdits)
                .sorted(Comparator.comparingInt(Suggestion::edits).thenComparing(Suggestion::name))
                .limit(MAX_SUGGESTIONS)
                .map(Suggestion::name)
                .toList();
    }

    /** {@code did you mean @a/x, @a/y or @b/x?} */
    public static String didYouMean(List<PackageName> names) {
        return "did you mean " + Plural.series(names.stream().map(PackageName::toString).toList(), "or") + "?";
    }

    /**
     * The question for names asked that are none of the {@code known} ones: {@link #didYouMean(List)} of the similar
     * names for one name asked, and for several, each name's own after it, {@code did you mean @a/x for @a/y, and
     * @b/z or @b/w for @b/v?}; empty when no name asked has a similar one.
     */
    public static Optional<String> didYouMean(List<PackageName> asked, Collection<PackageName> known) {
        if (asked.size() == 1) {
            List<PackageName> similar = among(known, asked.get(0));
            return similar.isEmpty() ? Optional.empty() : Optional.of(didYouMean(similar));
        }
        List<String> each = asked.stream()
                .map(name -> Map.entry(name, among(known, name)))
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
