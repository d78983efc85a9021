package io.prompd.client.install;

/**
 * Where the copies are that a removal of versions no install can download again would lose: the store's, which
 * {@code uninstall --global} removes, or the cache's tarballs, which {@code cache clean} deletes. Each gives whole
 * words, for one version and for several, so that refusals and warnings say what went, or would go, and how.
 */
public enum LastCopyPlace {
    STORE,
    CACHE;

    /** {@code the store's copy of A}, {@code the cache's tarballs of A and B}. */
    public String copiesOf(String specs, boolean one) {
        return switch (this) {
            case STORE -> (one ? "the store's copy of " : "the store's copies of ") + specs;
            case CACHE -> (one ? "the cache's tarball of " : "the cache's tarballs of ") + specs;
        };
    }

    /** What a project pinning one of the versions installs it from, alone: {@code this copy}, {@code its tarball}. */
    public String source(boolean one) {
        return switch (this) {
            case STORE -> one ? "this copy" : "its copy";
            case CACHE -> one ? "that tarball" : "its tarball";
        };
    }

    /** How the copies go: {@code remove}, {@code delete}. */
    public String verb() {
        return switch (this) {
            case STORE -> "remove";
            case CACHE -> "delete";
        };
    }

    /**
     * That the copies went: {@code removed A}, as {@code uninstall --global} says what it removed from the store, or
     * {@code deleted the cache's tarballs of A and B}.
     */
    public String gone(String specs, boolean one) {
        return switch (this) {
            case STORE -> "removed " + specs;
            case CACHE -> "deleted " + copiesOf(specs, one);
        };
    }
}
