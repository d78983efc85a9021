package io.prompd.core.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A package held in memory: regular files only. Handy for scaffolding and for tests. */
public final class MemorySource implements PackageSource {

    private final String name;
    private final SortedMap<String, byte[]> files;

    public MemorySource(String name, Map<String, byte[]> files) {
        this.name = name;
        this.files = new TreeMap<>();
        files.forEach((path, bytes) -> this.files.put(path, bytes.clone()));
    }

    /** Files given as text, encoded in UTF-8. */
    public static MemorySource ofText(String name, Map<String, String> texts) {
        Map<String, byte[]> files = new TreeMap<>();
        texts.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new MemorySource(name, files);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public List<SourceEntry> entries() {
        return files.entrySet().stream()
                .map(file -> SourceEntry.file(file.getKey(), file.getValue().length))
                .toList();
    }

    @Override
    public InputStream open(String path) throws NoSuchFileException {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new NoSuchFileException(name + "/" + path);
        }
        return new ByteArrayInputStream(bytes);
    }
}
