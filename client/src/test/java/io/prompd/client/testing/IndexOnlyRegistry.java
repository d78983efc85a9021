package io.prompd.client.testing;

import static io.prompd.core.SuggestedCommands.PLAIN;

import io.prompd.client.http.ProgressListener;
import io.prompd.client.install.registry.Downloaded;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.UrlSource;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.version.Version;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A registry of {@code index.json} documents and names alone, for tests of what reads those: asking it for a version's
 * document or a tarball is a test's mistake, and fails.
 */
public abstract class IndexOnlyRegistry extends FakeRegistry {

    @Override
    public VersionDocument versionDocument(PublishedPackage published, Version version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Downloaded download(PackageName name, Version version, URI locked, boolean indexed, UrlSource source,
                               Path target, Integrity integrity, OptionalLong size, ProgressListener progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void downloadRecorded(PackageName name, Version version, URI locked, Optional<PrompdException> unreadable,
                                 Path target, Integrity integrity, OptionalLong size, ProgressListener progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SuggestedCommands commands() {
        return PLAIN;
    }
}
