package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.template.TemplateScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Finds prompts whose templates, through the local files they include, import or extend, render more text than any
 * prompt needs: a few small files each loading the next twice render 2^40 copies of the last, terabytes that Jinja
 * would write out for one prompt. Each file's expansion is summed once over the loads, so the check costs a step
 * a load however large the expansion. Every load counts, one in a branch of a condition too, as the worst case.
 *
 * <p>A file of another package counts as a load as well, with what it renders to within its package when its version
 * is known ({@link DependencyTemplates}), and as the load alone when it is not: validate without the dependencies
 * installed, and the files a dependency's file takes from a third package, which are counted so too.
 *
 * <p>A load inside {@code for} loops over {@code range} of a literal counts once a round of them all. A loop over
 * anything else, a list or a parameter, counts once, its rounds not known before rendering: that is the limit of
 * this check, which a parameter holding a long list gets past.
 *
 * <p>A call of a macro the file defines counts as a load of the macro's body, so that macros each calling the next
 * twice are caught as includes are. A macro imported from another file is not followed: its calls count nothing, and
 * a file a macro includes counts once where it is written, not once a call.
 */
final class IncludeExpansion {

    /**
     * The most files a prompt may load in all, counted again each time they are loaded: far above the single include of
     * the largest prompt published so far, and low enough that an expansion of small files is caught early.
     */
    static final long MOST_LOADS = 1_000;
    /** The most characters a prompt may render to through its loads: more than a few files at the per-file limit. */
    static final long MOST_CHARACTERS = 16L * 1024 * 1024;
    /** A longer chain is told by its ends. */
    private static final int MOST_CHAIN_SHOWN = 8;

    /** What a file renders to with what it loads, each count kept at most one past its limit. */
    record Expansion(long loads, long characters) {

        static final Expansion NONE = new Expansion(0, 0);

        Expansion plus(Expansion other, long times) {
            return new Expansion(capped(loads + capped(times * (other.loads + 1), MOST_LOADS), MOST_LOADS),
                    capped(characters + capped(times * other.characters, MOST_CHARACTERS), MOST_CHARACTERS));
        }

        boolean tooLarge() {
            return loads > MOST_LOADS || characters > MOST_CHARACTERS;
        }

        /** Both factors are at most one past their limit, so no product overflows before it is capped. */
        private static long capped(long value, long limit) {
            return Math.min(value, limit + 1);
        }
    }

    /** What a file of another package renders to, with the files it loads in its package. */
    @FunctionalInterface
    interface Elsewhere {

        /** Empty when its version or its text is not known here, and the load alone counts. */
        Optional<Expansion> of(PackageReference reference);
    }

    private final Map<String, Map<String, Long>> loads = new HashMap<>();
    private final Map<String, Integer> firstLines = new HashMap<>();
    private final ToIntFunction<String> length;
    /** Each file's expansion once known: a file of another package's, as written, is known from the start. */
    private final Map<String, Expansion> expansions = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();
    /** The characters of the body of each macro, by how a chain names it. */
    private final Map<String, Integer> macroLengths = new HashMap<>();

    private IncludeExpansion(Map<String, List<ReferenceSite>> references, Map<String, TemplateScan> scans,
                             ToIntFunction<String> length, Elsewhere elsewhere) {
        this.length = length;
        references.forEach((file, sites) -> {
            Map<String, Long> times = new LinkedHashMap<>();
            TemplateScan scan = scans.get(file);
            if (scan != null) {
                scan.macroLengths().forEach((macro, characters) -> {
                    macroLengths.put(macro(file, macro), characters);
                    loads.put(macro(file, macro), new LinkedHashMap<>());
                });
                for (TemplateScan.MacroCall call : scan.macroCalls()) {
                    // a macro never closed has no body to call from: its calls are the file's
                    String from = scan.macroLengths().containsKey(call.within()) ? macro(file, call.within()) : file;
                    // no loop is told on its own for a call: one of more rounds than the limit is over it here
                    count(from, macro(file, call.macro()), call.line(), Math.min(call.times(), MOST_LOADS + 1),
                            from.equals(file) ? times : loads.get(from));
                }
            }
            for (IncludeCycles.Load load : IncludeCycles.loads(file, sites)) {
                if (references.containsKey(load.target())) {
                    count(file, load.target(), load.line(), loadsCounted(load.times()), times);
                }
            }
            for (ReferenceSite site : sites) {
                if (site.inTemplate() && site.reference() instanceof PackageReference other
                        && other.meant().isPresent()) {
                    expansions.computeIfAbsent(other.written(),
                            written -> elsewhere.of(other.meant().orElseThrow()).orElse(Expansion.NONE));
                    count(file, other.written(), site.line(), loadsCounted(site.times()), times);
                }
            }
            loads.put(file, times);
        });
        expansions.keySet().forEach(other -> loads.putIfAbsent(other, Map.of()));
    }

    /** How a chain names a macro: {@code a.prmd: m()}. */
    private static String macro(String file, String name) {
        return file + ": " + name + "()";
    }

    /** A load in loops of more rounds than the limit counts once: it is told on its own ({@link #checkLoops}). */
    private static long loadsCounted(long rounds) {
        return rounds > MOST_LOADS ? 1 : rounds;
    }

    private void count(String file, String target, int line, long counted, Map<String, Long> times) {
        times.merge(target, counted, Long::sum);
        firstLines.putIfAbsent(file + "\n" + target, line);
    }

    /** The characters of each file of the package: a prompt's body, or a file a template loads. */
    static ToIntFunction<String> lengths(PromptPackage pack) {
        return file -> pack.prompts().containsKey(file) ? pack.prompts().get(file).body().length()
                : pack.templates().get(file).length();
    }

    /**
     * What a file of a package renders to, through the files of it that it loads; those of other packages count as
     * loads alone.
     *
     * @param references the sites each prompt of the package and each file they load names
     */
    static Expansion of(String file, Map<String, List<ReferenceSite>> references, Map<String, TemplateScan> scans,
                        ToIntFunction<String> length) {
        return new IncludeExpansion(references, scans, length, other -> Optional.empty()).of(file);
    }

    /**
     * @param prompts    the files to judge, the package's prompts
     * @param references the sites each prompt and each file they load names
     * @param length     the characters of a file's text
     */
    static void check(Set<String> prompts, Map<String, List<ReferenceSite>> references, Map<String, TemplateScan> scans,
                      ToIntFunction<String> length, Problems problems) {
        checkLoops(references, problems);
        IncludeExpansion expansion = new IncludeExpansion(references, scans, length, other -> Optional.empty());
        prompts.stream().filter(references::containsKey).sorted().forEach(prompt -> {
            Expansion total = expansion.of(prompt);
            if (total.tooLarge()) {
                expansion.report(prompt, total, problems);
            }
        });
    }

    /**
     * A file loaded in loops of more rounds than the limit, {@code {% for i in range(1000000) %}}, is too much on its
     * own, and told where it is loaded, whichever prompt renders it.
     */
    private static void checkLoops(Map<String, List<ReferenceSite>> references, Problems problems) {
        references.forEach((file, sites) -> sites.stream().filter(site -> site.times() > MOST_LOADS)
                .forEach(site -> problems.add(Problem.error(file, "", String.format(Locale.ROOT, "the template loads"
                                + " '%s' in loops over range() of %s rounds in all, more than the %,d files a prompt"
                                + " may load", site.reference().written(), site.times() == Long.MAX_VALUE
                                ? "too many" : String.format(Locale.ROOT, "%,d", site.times()), MOST_LOADS),
                        "loop over fewer rounds: no prompt needs a file so many times")
                        .atLine(site.line()))));
    }

    /**
     * {@link #check} again with what the files of other packages render to: only a prompt that passes with each of
     * them counted as a load alone is reported, the others having been by the check without them.
     */
    static void checkWithDependencies(Set<String> prompts, Map<String, List<ReferenceSite>> references,
                                      Map<String, TemplateScan> scans, ToIntFunction<String> length,
                                      Elsewhere elsewhere, Problems problems) {
        IncludeExpansion loadsAlone = new IncludeExpansion(references, scans, length, other -> Optional.empty());
        IncludeExpansion expansion = new IncludeExpansion(references, scans, length, elsewhere);
        prompts.stream().filter(references::containsKey).sorted().forEach(prompt -> {
            Expansion total = expansion.of(prompt);
            if (total.tooLarge() && !loadsAlone.of(prompt).tooLarge()) {
                expansion.report(prompt, total, problems);
            }
        });
    }

    /** A file on the way to itself adds nothing: the cycle is an error of its own ({@link IncludeCycles}). */
    private Expansion of(String file) {
        Expansion known = expansions.get(file);
        if (known != null) {
            return known;
        }
        if (!visiting.add(file)) {
            return new Expansion(0, 0);
        }
        Expansion total = new Expansion(0, macroLengths.containsKey(file) ? macroLengths.get(file)
                : length.applyAsInt(file));
        for (Map.Entry<String, Long> load : loads.get(file).entrySet()) {
            total = total.plus(of(load.getKey()), load.getValue());
        }
        visiting.remove(file);
        expansions.put(file, total);
        return total;
    }

    private void report(String prompt, Expansion total, Problems problems) {
        List<String> chain = heaviestChain(prompt);
        String what = total.loads() > MOST_LOADS
                ? String.format(Locale.ROOT, "more than %,d files loaded in all", MOST_LOADS)
                : String.format(Locale.ROOT, "more than %,d MiB of text", MOST_CHARACTERS / (1024 * 1024));
        problems.add(Problem.error(prompt, "", "the prompt's includes expand to " + what + ", through "
                        + shown(chain) + ": each file loading the next more than once multiplies the copies",
                "make the files along it include the next once, or cut the chain short")
                .atLine(firstLines.get(prompt + "\n" + next(prompt))));
    }

    /** From the prompt, the file adding most to each file's expansion, with how many times it is loaded. */
    private List<String> heaviestChain(String prompt) {
        List<String> chain = new ArrayList<>(List.of(prompt));
        Set<String> seen = new HashSet<>(Set.of(prompt));
        String file = prompt;
        while (!loads.get(file).isEmpty() && seen.add(next(file))) {
            long times = loads.get(file).get(next(file));
            file = next(file);
            chain.add(times > 1 ? file + " ×" + times : file);
        }
        return chain;
    }

    /** The file a file loads that adds most to its expansion, the first loaded of those adding as much. */
    private String next(String file) {
        String heaviest = null;
        long most = -1;
        for (Map.Entry<String, Long> load : loads.get(file).entrySet()) {
            Expansion target = of(load.getKey());
            long weight = Math.min(load.getValue() * (target.loads() + 1), MOST_LOADS + 1) * (MOST_CHARACTERS + 2)
                    + Math.min(load.getValue() * target.characters(), MOST_CHARACTERS + 1);
            if (weight > most) {
                most = weight;
                heaviest = load.getKey();
            }
        }
        return heaviest;
    }

    /** {@code a → b ×2 → … (36 more) → z}. */
    private static String shown(List<String> chain) {
        if (chain.size() <= MOST_CHAIN_SHOWN) {
            return String.join(" → ", chain);
        }
        int ends = MOST_CHAIN_SHOWN / 2;
        return String.join(" → ", chain.subList(0, ends)) + " → … (" + (chain.size() - 2 * ends) + " more) → "
                + String.join(" → ", chain.subList(chain.size() - ends, chain.size()));
    }
}
