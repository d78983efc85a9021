package io.prompd.core.source;

/** What a path in a package folder is. Only regular files may be packed. */
public enum EntryKind {
    FILE,
    SYMLINK,
    /** A regular file with more than one name on disk: packing it would silently copy what is shared. */
    HARDLINK,
    /** Devices, sockets, pipes, Git submodules: anything that is neither a file, a link nor a folder. */
    OTHER
}
