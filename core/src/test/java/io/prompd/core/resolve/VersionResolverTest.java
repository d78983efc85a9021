package io.prompd.core.resolve;

import static io.prompd.core.resolve.TestIndex.ranges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VersionResolverTest {

    private static final int LINKS = 200;

    private static Candidate version(String name, String version, String... dependencies) {
        return Candidate.of(PackageName.parse(name), Version.parse(version), ranges(dependencies));
    }

    /** The resolution, or the failure's message. */
    static Object outcome(Supplier<Resolution> resolving) {
        try {
            return resolving.get();
        } catch (ResolutionException failure) {
            return failure.getMessage();
        }
    }

    /** What {@code @t/c<link>} 1.0.0 needs: the next link, but for the last. */
    private static String[] dependencies(int link) {
        return link + 1 < LINKS ? new String[] {"@t/c" + (link + 1), "^1.0.0"} : new String[0];
    }

    private static Candidate link(int link) {
        return version("@t/c" + link, "1.0.0", dependencies(link));
    }

    private static TestIndex chain() {
        TestIndex index = new TestIndex();
        for (int link = 0; link < LINKS; link++) {
            index.add("@t/c" + link, "1.0.0", dependencies(link));
        }
        return index;
    }

    @Test
    void theVersionsOfAChainEachNeedingTheNextAreSolvedOnceWhenThoseNeedingOthersComeFirst() {
        TestIndex index = chain();
        VersionResolver resolver = new VersionResolver(index, ResolveOptions.defaults());
        TestIndex alone = chain();

        for (int link = 0; link < LINKS; link++) {
            Candidate version = link(link);
            assertEquals(Resolver.resolveVersion(version, alone, ResolveOptions.defaults()), resolver.resolve(version));
        }

        // a solution asks for each package of its graph: solved one by one, the chain asks some 20,000 times
        assertTrue(index.asked.size() <= 2 * LINKS, index.asked.size() + " asked");
    }

    @Test
    void aVersionItsOwnSolutionResolvesOtherwiseThanTheGraphHoldingItIsSolved() {
        // @t/a holds @t/x below 1.5.0; @t/b alone takes the highest @t/x
        TestIndex index = new TestIndex().add("@t/x", "1.4.0").add("@t/x", "1.9.0")
                .add("@t/b", "1.0.0", "@t/x", "^1.0.0");
        VersionResolver resolver = new VersionResolver(index, ResolveOptions.defaults());
        Candidate a = version("@t/a", "1.0.0", "@t/b", "^1.0.0", "@t/x", "<1.5.0");
        Candidate b = version("@t/b", "1.0.0", "@t/x", "^1.0.0");

        assertEquals("1.4.0", resolver.resolve(a).versions().get(PackageName.parse("@t/x")).toString());
        assertEquals("1.9.0", resolver.resolve(b).versions().get(PackageName.parse("@t/x")).toString());
    }

    /**
     * @t/a's graph holds @t/base above its rolled-back latest, as @t/a needs; @t/b's own solution holds the rollback
     * with @t/style 2.1.0, though the first choice of each range on the way, alone, is the version @t/a's graph holds.
     */
    @Test
    void aVersionWhoseGraphWouldHoldAPackageAboveItsLatestIsSolved() {
        TestIndex index = new TestIndex().add("@t/base", "2.1.0").add("@t/base", "2.2.0").tagLatest("@t/base", "2.1.0")
                .add("@t/style", "2.1.0", "@t/base", "^2.1.0").add("@t/style", "2.2.0", "@t/base", "^2.2.0");
        VersionResolver resolver = new VersionResolver(index, ResolveOptions.defaults());
        Candidate a = version("@t/a", "1.0.0", "@t/style", "^2.2.0");
        Candidate b = version("@t/b", "1.0.0", "@t/style", "^2.1.0");

        assertEquals("2.2.0", resolver.resolve(a).versions().get(PackageName.parse("@t/base")).toString());
        assertEquals(Resolver.resolveVersion(b, index, ResolveOptions.defaults()), resolver.resolve(b));
        assertEquals("2.1.0", resolver.resolve(b).versions().get(PackageName.parse("@t/base")).toString());
    }

    @Test
    void aVersionWhoseGraphReachesThePackageOfTheVersionSolvedBeforeIsSolved() {
        // the graph of @t/a 1.0.0 holds its package with the dependencies the check gives it, which the index lists
        // otherwise: @t/b alone takes the index's
        TestIndex index = new TestIndex().add("@t/a", "1.0.0").add("@t/d", "1.0.0", "@t/a", "^1.0.0");
        VersionResolver resolver = new VersionResolver(index, ResolveOptions.defaults());
        Candidate a = version("@t/a", "1.0.0", "@t/d", "^1.0.0");
        Candidate b = version("@t/b", "1.0.0", "@t/a", "^1.0.0");

        assertEquals(outcome(() -> Resolver.resolveVersion(a, index, ResolveOptions.defaults())),
                outcome(() -> resolver.resolve(a)));
        assertEquals(Resolver.resolveVersion(b, index, ResolveOptions.defaults()), resolver.resolve(b));
    }

    @Test
    void aVersionWhoseGraphReachesItsOwnPackageAgainIsSolved() {
        // @t/x needs @t/b back: the graph of @t/a holds @t/b 2.0.0, that of @t/b 1.0.0 its own version
        TestIndex index = new TestIndex().add("@t/b", "2.0.0", "@t/x", "^1.0.0").add("@t/x", "1.0.0", "@t/b", "*");
        VersionResolver resolver = new VersionResolver(index, ResolveOptions.defaults());
        Candidate a = version("@t/a", "1.0.0", "@t/b", "^2.0.0");
        Candidate b = version("@t/b", "1.0.0", "@t/x", "^1.0.0");

        resolver.resolve(a);
        assertEquals(Resolver.resolveVersion(b, index, ResolveOptions.defaults()), resolver.resolve(b));
    }
}
