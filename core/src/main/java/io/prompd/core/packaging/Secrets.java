package io.prompd.core.packaging;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.core.source.Utf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The likely credentials ({@link SecretPatterns}) in a file's bytes, in the names of files and folders, and in a text a
 * package is made from, and a prompd configuration holding a stored password or token ({@link StoredCredentials}):
 * the one search of validate, pack, {@code prompd init} and the registry's check, whose rules search files and names
 * that pack leaves out too. A class of its own beside {@link ContentCheck}, which runs it on every packed file: the
 * check's rules and {@code init} need the search without the rest of what a package's content must be.
 */
public final class Secrets {

    private Secrets() {
    }

    /**
     * The likely credentials in a file, with their lines in a text file: UTF-8 text, or UTF-16 or UTF-32 text that
     * starts with its byte order mark (as Windows PowerShell 5 writes a file) and decodes as such, searched as decoded;
     * any other binary file's bytes are searched as Latin-1, without lines, and, when they look like UTF-16 text of
     * Latin letters without a byte order mark ({@link Utf8#unmarkedUtf16}), as that text too, with lines. A
     * {@code .json} file's strings and names, and those of a prompt file's front matter, are searched as JSON and YAML
     * read them too, their escapes decoded ({@link DecodedStrings}), as the registry serves a manifest's and a prompt's
     * text. A text that is a prompd configuration holding a stored password or token is refused
     * ({@link StoredCredentials}). The registry's check also searches the files pack leaves out, since whatever a pull
     * request adds stays in the registry's Git history.
     */
    public static List<Problem> inFile(String path, byte[] bytes) {
        return inFile(path, bytes, Utf8.text(bytes));
    }

    /**
     * A likely credential in a file.
     *
     * @param problem       the problem telling it
     * @param passwordInUrl whether it is a password in a URL ({@code scheme://user:password@host}), as written or in a
     *                      string with escapes
     */
    public record Found(Problem problem, boolean passwordInUrl) {

        public Found {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * The likely credentials in the names of the files and folders on the paths, each file or folder whose name holds
     * one named once, at its own path: a name is served as a file's text is (the tarball's entries, the prompt files
     * of the version's document), and Git history keeps it just the same.
     */
    public static List<Problem> inNames(Collection<String> paths) {
        return paths.stream().flatMap(path -> SecretPatterns.find(path).stream().map(secret -> {
            int nameEnd = path.indexOf('/', secret.start());
            String what = nameEnd < 0 ? "file" : "folder";
            return new Problem(secret.severity(), nameEnd < 0 ? path : path.substring(0, nameEnd), "", 0, "the " + what
                    + "'s name holds what looks like " + secret.description(), "rename the " + what + ", and revoke the"
                    + " credential if it is real: a branch's Git history, once pushed, and mirrors keep a name as they"
                    + " keep a file's text");
        })).distinct().toList();
    }

    /**
     * The likely credentials in a text that is no file, as a commit's message, each told as {@code the message holds
     * what looks like a GitHub token} and why that matters, at its line, with its severity.
     *
     * @param place what problems name as their file, {@code commit 1a2b3c4}
     * @param what  what the text is to a reader, {@code message}
     * @param why   what follows the finding in the message, {@code : merging keeps it in Git history}
     * @param hint  how to mend the text
     */
    public static List<Problem> inText(String place, String what, String text, String why, String hint) {
        return SecretPatterns.find(text).stream().map(secret -> new Problem(secret.severity(), place, "",
                secret.line(), "the " + what + " holds what looks like " + secret.description() + why, hint)).toList();
    }

    /**
     * What each likely credential in a text looks like ({@code a GitHub token}), once each, in order: for a text a
     * package is made from before it is a file, as {@code prompd init}'s options are, which the check would refuse in
     * the files made of it; a kind only warned of (a JSON Web Token) is not named.
     */
    public static List<String> describedIn(String text) {
        return SecretPatterns.find(text).stream().filter(secret -> secret.severity() == Severity.ERROR)
                .map(SecretPatterns.Finding::description).distinct().toList();
    }

    /**
     * {@link #inFile(String, byte[])}, each with what kind of credential it tells: a file whose own rules refuse a user
     * part in a URL of theirs (registry.json's) tells a password there once, in its words.
     */
    public static List<Found> found(String path, byte[] bytes) {
        return found(path, bytes, Utf8.text(bytes));
    }

    /**
     * The text with each likely credential cut short ({@code sk-a…}), for a report quoting a file's text that the
     * check refuses for holding one: the report goes where the file's diff does, and further (a CI log, a chat).
     */
    public static String masked(String text) {
        return SecretPatterns.masked(text);
    }

    /**
     * {@link #inFile(String, byte[])} for bytes whose UTF-8 text ({@link Utf8#text}) is read already.
     */
    static List<Problem> inFile(String path, byte[] bytes, Optional<String> text) {
        return found(path, bytes, text).stream().map(Found::problem).toList();
    }

    private static List<Found> found(String path, byte[] bytes, Optional<String> text) {
        Optional<String> decoded = text.or(() -> markedText(bytes));
        List<SecretPatterns.Finding> asWritten = SecretPatterns.find(
                decoded.orElseGet(() -> new String(bytes, StandardCharsets.ISO_8859_1)));
        List<Found> found = new ArrayList<>();
        asWritten.forEach(secret -> found.add(new Found(secret(path, "the file holds what looks like "
                + secret.description(), decoded.isPresent() ? secret.line() : 0, secret.severity()),
                secret.passwordInUrl())));
        decoded.flatMap(content -> StoredCredentials.find(path, content))
                .ifPresent(stored -> found.add(new Found(stored, false)));
        if (decoded.isEmpty()) {
            inUnmarkedUtf16(path, bytes).forEach(secret -> found.add(new Found(secret, false)));
        }
        DecodedStrings.of(path, bytes, decoded).ifPresent(strings -> strings.secrets().stream()
                .filter(secret -> !secret.amongWritten(asWritten))
                .forEach(secret -> found.add(new Found(secret(path, "a string of the file holds what looks like "
                        + secret.description() + ", written with escapes" + secret.escape()
                        .map(escape -> " (" + escape + ")")
                        .orElse("") + " that whoever reads " + strings.reader()
                        + " decodes, the registry too", secret.firstLine(), secret.severity()),
                        secret.passwordInUrl()))));
        return found;
    }

    /**
     * The text of bytes in the UTF-16 or UTF-32 their byte order mark announces, when they decode as it throughout:
     * a binary file that merely starts with such bytes is searched as Latin-1, as any other is.
     */
    private static Optional<String> markedText(byte[] bytes) {
        return Utf8.encodingByMark(bytes).flatMap(encoding -> {
            try {
                return Optional.of(Charset.forName(encoding).newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException notThatEncoding) {
                return Optional.empty();
            }
        });
    }

    /**
     * The likely credentials of a binary file in the UTF-16 text it looks like, at their lines: the Latin-1 text of its
     * bytes, searched for any binary file, shows none, since each character of a key stands beside a NUL there.
     */
    private static List<Problem> inUnmarkedUtf16(String path, byte[] bytes) {
        return Utf8.unmarkedUtf16(bytes).stream()
                .flatMap(encoding -> SecretPatterns.find(new String(bytes, 0, bytes.length & ~1, encoding)).stream()
                        .map(secret -> secret(path, "the file holds what looks like " + secret.description()
                                + " when read as " + encoding.name() + ", the encoding its bytes look like (no byte"
                                + " order mark says so)", secret.line(), secret.severity())))
                .toList();
    }

    /** @param severity a warning for a kind documentation shows real-looking examples of, which a reviewer tells */
    private static Problem secret(String path, String message, int line, Severity severity) {
        String why = ": once published, mirrors and the registry's Git history keep it for good; in a pull request,"
                + " remove it from the commit that added it (amend it, or squash the branch's commits), as a later"
                + " commit leaves it in Git history";
        return severity == Severity.ERROR ? Problem.error(path, "", message, "remove it, and revoke the credential if"
                + " it is real" + why).atLine(line) : Problem.warning(path, "", message, "remove it unless it is an"
                + " example, and revoke it if it is real" + why).atLine(line);
    }
}
