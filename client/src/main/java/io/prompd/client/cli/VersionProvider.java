package io.prompd.client.cli;

import io.prompd.cli.ToolVersion;
import io.prompd.core.version.Version;
import java.util.Optional;

final class VersionProvider extends ToolVersion {

    VersionProvider() {
        super("prompd");
    }

    /** This prompd's version, which packages' {@code engines} are checked against; empty when run from classes. */
    static Optional<Version> running() {
        return recorded(VersionProvider.class).filter(Version::isValid).map(Version::parse);
    }
}
