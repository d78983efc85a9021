package io.prompd.client.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a secret: typed at the terminal without echo when there is one, else the first line of
 * standard input (so {@code prompd login < token.txt} and pipes work in scripts). Never from an
 * argument, which would stay in the shell's history and show in the process list.
 */
final class SecretInput {

    private SecretInput() {
    }

    /**
     * @param prompt what to ask for at the terminal, starting with the kind of secret, as in {@code token for work
     *               (https://...)} or {@code password of ci for work (https://...)}
     * @throws PrompdException (usage) when nothing was given
     */
    static String read(CliContext context, String prompt) throws IOException {
        Optional<CliContext.SecretPrompt> terminal = context.terminal();
        Optional<String> secret = terminal.isPresent() ? typed(terminal.get(), prompt)
                : firstLine(context.stdin(), prompt);
        return secret.filter(text -> !text.isEmpty()).orElseThrow(() -> new PrompdException(ExitCode.USAGE,
                "no " + prompt + " was given", "type it when asked, or " + pipeIn(prompt)));
    }

    /**
     * How to give the secret {@link #read} asks for on standard input, from a file named after its kind: a password
     * is not to be looked for in {@code token.txt}.
     */
    static String pipeIn(String prompt) {
        return "pipe it in on standard input: run the same command again with '< "
                + (prompt.startsWith("password") ? "password" : "token") + ".txt' after it";
    }

    private static Optional<String> typed(CliContext.SecretPrompt terminal, String prompt) throws IOException {
        return terminal.ask(prompt).map(typed -> {
            String secret = new String(typed);
            // only the array can be cleared: the String, which the configuration needs, stays until collected
            Arrays.fill(typed, '\0');
            return secret;
        });
    }

    /** The first line of the stream, without its line end; empty at the end of input. */
    static Optional<String> firstLine(InputStream stdin, String prompt) throws IOException {
        // Bytes that are not UTF-8 would otherwise become U+FFFD, and a secret other than the one given be stored.
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Not closed: the reader would close the caller's standard input.
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, strict));
        try {
            return Optional.ofNullable(reader.readLine());
        } catch (CharacterCodingException notUtf8) {
            throw new PrompdException(ExitCode.USAGE, "the " + prompt + " given on standard input is not UTF-8 text",
                    "nothing was stored; give it as UTF-8, as a terminal or a text file in a UTF-8 locale has it");
        }
    }
}
