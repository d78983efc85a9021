package io.prompd.cli;

import java.util.Optional;
import picocli.CommandLine;

/** What {@code --version} prints: the tool's name and the version its jar recorded at build time. */
public abstract class ToolVersion implements CommandLine.IVersionProvider {

    private final String tool;

    protected ToolVersion(String tool) {
        this.tool = tool;
    }

    @Override
    public final String[] getVersion() {
        return new String[] {tool + " " + recorded(getClass()).orElse("development build")};
    }

    /** The version in the manifest of the jar that holds {@code anchor}; empty when run from classes. */
    public static Optional<String> recorded(Class<?> anchor) {
        return Optional.ofNullable(anchor.getPackage().getImplementationVersion());
    }
}
