package io.prompd.core.source;

/** What a path in a package folder is. Only regular files may be packed. */
public enum EntryKind {
    FILE,
    SYMLINK,
    /** Devices, sockets, pipes, Git submodules: anything that is neither a file, a link nor a folder. */
    OTHER
}
