package io.prompd.cli;

import java.util.Map;

/**
 * A command that knows the words other package managers use for what it does (npm's {@code ci}, cargo's
 * {@code --locked}): too far from its own to be found as misspellings, and nearer to a word meaning something else
 * ({@code ci} is a letter off {@code i}, install, which may rewrite the lock {@code npm ci} keeps), so its own are
 * suggested in their place.
 */
public interface OtherToolsWords {

    /** Each word another tool uses, in lower case as typed (a subcommand, an option), to this command line's own. */
    Map<String, String> otherToolsWords();
}
