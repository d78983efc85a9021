package io.prompd.generator.cli;

import io.prompd.cli.ToolVersion;

final class VersionProvider extends ToolVersion {

    VersionProvider() {
        super("prompd-registry");
    }
}
