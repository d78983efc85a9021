package io.prompd.generator.build;

import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source that keeps the files the validator read (the manifest and the prompt files), so packing
 * the same files afterwards does not inflate their Git blobs a second time. Files only streamed
 * are not kept.
 */
final class ReadOnceSource implements PackageSource {

    private final PackageSource source;
    private final Map<String, byte[]> read = new ConcurrentHashMap<>();

    ReadOnceSource(PackageSource source) {
        this.source = source;
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public List<SourceEntry> entries() throws IOException {
        return source.entries();
    }

    @Override
    public Optional<SourceEntry> entry(String path) throws IOException {
        return source.entry(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        byte[] bytes = read.get(path);
        if (bytes == null) {
            bytes = source.read(path);
            read.put(path, bytes);
        }
        return bytes.clone();
    }

    @Override
    public InputStream open(String path) throws IOException {
        byte[] bytes = read.get(path);
        return bytes == null ? source.open(path) : new ByteArrayInputStream(bytes);
    }
}
