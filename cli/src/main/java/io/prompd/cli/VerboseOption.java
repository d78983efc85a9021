package io.prompd.cli;

/**
 * The names of the {@code -v/--verbose} option of both tools and what it does in both, for the root command of each to
 * declare it, of scope {@code INHERIT}, with its own description: only {@code prompd} asks registries for anything, and
 * lists each request; {@code prompd-registry} builds a registry, and lists no request.
 */
public final class VerboseOption {

    public static final String SHORT_NAME = "-v";
    public static final String NAME = "--verbose";
    /** What the option shows in both tools: the description of each begins so, and says what more it shows there. */
    public static final String ON_ERRORS = "Show stack traces and more detail on errors";

    private VerboseOption() {
    }
}
