package io.prompd.client.cli;

import io.prompd.core.version.Version;
import java.util.Optional;
import picocli.CommandLine;

/** The version recorded in the jar's manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"prompd " + running().map(Version::toString).orElse("development build")};
    }

    /** This prompd's version; empty when run from classes rather than the jar. */
    static Optional<Version> running() {
        return Optional.ofNullable(VersionProvider.class.getPackage().getImplementationVersion())
                .filter(Version::isValid).map(Version::parse);
    }
}
