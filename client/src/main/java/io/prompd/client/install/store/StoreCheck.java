package io.prompd.client.install.store;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PackageStore#verify} found, each list by name, then version.
 *
 * @param checked      the installed versions compared with their tarballs, or found damaged without one
 * @param damaged      the versions whose copy was damaged, now removed
 * @param unverifiable the versions left as they are, with no tarball to compare them with
 * @param unchecked    those of {@code unverifiable} whose tarball the cache's check found corrupt and removed just
 *                     before: an install finds them installed and downloads nothing, so they stay unchecked until
 *                     removed from the store too
 * @param unrecorded   those of {@code unverifiable} with no record of the tarball they were unpacked from, which tells
 *                     which tarball to compare them with: the next install locking one puts it back
 */
public record StoreCheck(int checked, List<Copy> damaged, List<Copy> unverifiable, List<Copy> unchecked,
                         List<Copy> unrecorded) {

    /** Name, then version: the order the lists are in, whatever order they were found in. */
    private static final Comparator<Copy> ORDER = Comparator.comparing(Copy::name).thenComparing(Copy::version);

    public StoreCheck {
        damaged = damaged.stream().sorted(ORDER).toList();
        unverifiable = unverifiable.stream().sorted(ORDER).toList();
        unchecked = unchecked.stream().sorted(ORDER).toList();
        unrecorded = unrecorded.stream().sorted(ORDER).toList();
        if (!unverifiable.containsAll(unchecked)) {
            throw new IllegalArgumentException("a copy left unchecked is unverifiable");
        }
        if (!unverifiable.containsAll(unrecorded)) {
            throw new IllegalArgumentException("a copy without a record is unverifiable");
        }
    }

    /**
     * An installed version and what was found of it.
     *
     * @param folder  where its copy is, or was
     * @param finding what is wrong with the copy, or why it was not compared
     */
    public record Copy(PackageName name, Version version, Path folder, String finding) {

        public Copy {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(finding, "finding");
        }
    }
}
