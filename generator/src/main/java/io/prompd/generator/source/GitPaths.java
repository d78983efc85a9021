package io.prompd.generator.source;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Paths of Git trees as strings, the one way every listing of this package reads them. */
final class GitPaths {

    private GitPaths() {
    }

    /**
     * The walk's current path, its bytes read as UTF-8 with U+FFFD for what does not decode.
     * JGit's own decoding falls back to ISO-8859-1 for such a name, which turns it into another
     * valid name (bad\xFFname.md into badÿname.md) that no rule could tell from a chosen one and
     * that a tarball would then hold.
     */
    static String of(TreeWalk walk) {
        return new String(walk.getRawPath(), StandardCharsets.UTF_8);
    }
}
