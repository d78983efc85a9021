package io.prompd.cli;

import java.util.Map;
import java.util.Objects;

/**
 * A command that knows the words other package managers use for what it does (npm's {@code ci}, cargo's
 * {@code --locked}): too far from its own to be found as misspellings, and nearer to a word meaning something else
 * ({@code ci} is a letter off {@code i}, install, which may rewrite the lock {@code npm ci} keeps), so its own are
 * suggested in their place. A word for what it does not do at all ({@code publish}, {@code run}) is answered with
 * what to do instead, as the first thing a user of those tools types would otherwise only be an unknown command.
 */
public interface OtherToolsWords {

    /** Each word another tool uses, in lower case as typed (a subcommand, an option), to this command line's answer. */
    Map<String, Answer> otherToolsWords();

    /** What a command line says to another tool's word. */
    sealed interface Answer {

        /** Its own word for the same thing, suggested as the word meant. */
        static Answer ownWord(String word) {
            return new OwnWord(word);
        }

        /** It has no such thing: the hint says what to do instead. */
        static Answer noneHere(String hint) {
            return new NoneHere(hint);
        }
    }

    /** @param word this command line's word, such as {@code install --frozen} */
    record OwnWord(String word) implements Answer {
        public OwnWord {
            Objects.requireNonNull(word, "word");
        }
    }

    /** @param hint what to do instead, a whole hint */
    record NoneHere(String hint) implements Answer {
        public NoneHere {
            Objects.requireNonNull(hint, "hint");
        }
    }
}
