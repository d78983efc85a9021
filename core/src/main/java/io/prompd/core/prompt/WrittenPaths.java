package io.prompd.core.prompt;

/**
 * The one rule for how a path written in a field is read, prompd.json's ({@code main}, {@code prompts},
 * {@code readme}) and a prompt's ({@code inherits}, {@code context}, {@code system}, ..., a file its template
 * includes) alike: names joined by {@code /} on every system.
 */
public final class WrittenPaths {

    private WrittenPaths() {
    }

    /**
     * The path with each {@code \} read as the {@code /} it was likely meant as, a path copied from Windows: only
     * Windows takes {@code \} for a folder separator, where Linux and macOS read it as part of a name, so a package
     * written so works on one system alone. The rules check the path so meant, after {@link #backslashed} has been
     * reported.
     */
    public static String withSlashes(String path) {
        return path.replace('\\', '/');
    }

    /** The error's message for a path written with {@code \}. */
    public static String backslashed(String written) {
        return "'" + written + "' contains '\\'; package paths use '/' on every system";
    }
}
