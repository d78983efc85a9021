package io.prompd.core.archive;

import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

/** A source whose entries are given as they are, links and oddities included; every file reads as zeros. */
class ListedSource implements PackageSource {

    private final List<SourceEntry> listed;

    ListedSource(List<SourceEntry> listed) {
        this.listed = List.copyOf(listed);
    }

    static ListedSource of(SourceEntry... entries) {
        return new ListedSource(List.of(entries));
    }

    @Override
    public String describe() {
        return "listed";
    }

    @Override
    public List<SourceEntry> entries() {
        return listed.stream().sorted(Comparator.comparing(SourceEntry::path)).toList();
    }

    @Override
    public InputStream open(String path) throws IOException {
        long size = listed.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().size();
        return new ByteArrayInputStream(new byte[(int) size]);
    }
}
