package io.prompd.client.install.store;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.files.Folders;
import io.prompd.core.protocol.VersionFileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An installed package in a prompd store, which no command ever writes into: every project using the version shares
 * it, and {@code cache verify} deletes a copy whose files differ from its tarball's as damaged. Found by real paths, so
 * that a home reached through a link, or a shell in the link's target, finds it all the same.
 *
 * <p>A copy in the store of the home in use is a version folder there ({@code <store>/@scope/name@1.2.0}, or {@code
 * <store>/name@1.2.0}). One in another home's store is told by the mark that store leaves beside each version it
 * installs: the record of its tarball's integrity ({@code @scope/.name@1.2.0.integrity}), which no project folder has
 * beside it, and which copying the package out to work on it leaves behind. A copy that a prompd from before those
 * records installed in another home goes untold: nothing else marks it apart from a folder of the user's named as a
 * version, and the store's folders are writable by their owner, as a store's must be for uninstall to remove them.
 *
 * @param folder the version folder, by its real path
 * @param store  the store it lies in, {@code <home>/packages}, by its real path
 */
public record InstalledCopy(Path folder, Path store) {

    public InstalledCopy {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(store, "store");
    }

    /**
     * The installed package {@code path} is, or lies in, of the store in use or of another home's; empty when it lies
     * in none.
     *
     * @param path  a folder or file, which need not exist
     * @param store the store of the home in use, {@code <home>/packages}; empty when no home is usable
     */
    public static Optional<InstalledCopy> holding(Path path, Optional<Path> store) throws IOException {
        Optional<Path> storeInUse = store.isPresent() ? Optional.of(Folders.real(store.get())) : Optional.empty();
        for (Path folder = Folders.real(path); folder.getParent() != null; folder = folder.getParent()) {
            Path parent = folder.getParent();
            boolean scoped = parent.getFileName() != null && parent.getFileName().toString().startsWith("@");
            Optional<NamedVersion> named = named(folder, scoped ? parent.getFileName() + "/" : "");
            Path root = scoped ? parent.getParent() : parent;
            if (named.isPresent() && (storeInUse.equals(Optional.of(root)) || Files.isRegularFile(folder
                    .resolveSibling(VersionFileNames.storeRecord(named.get().name(), named.get().version())),
                    LinkOption.NOFOLLOW_LINKS))) {
                return Optional.of(new InstalledCopy(folder, root));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a command that writes {@code path} when it is, or lies in, an installed package.
     *
     * @param elsewhere what else the user may do, after copying the package out; empty for nothing else
     * @throws PrompdException CONFLICT naming the package and its store
     */
    public static void requireOutside(Path path, Optional<Path> store, String elsewhere) throws IOException {
        Optional<InstalledCopy> copy = holding(path, store);
        if (copy.isPresent()) {
            throw copy.get().refusal(path, elsewhere);
        }
    }

    /**
     * The refusal of a command that would write {@code path}, which is or lies in this copy.
     *
     * @param elsewhere what else the user may do, after copying the package out; empty for nothing else
     */
    public PrompdException refusal(Path path, String elsewhere) throws IOException {
        String what = Folders.real(path).equals(folder) ? path + " is" : path + " lies in " + folder + ",";
        return new PrompdException(ExitCode.CONFLICT, what + " an installed package, which is never changed",
                "to work on it, " + copyOut("it") + (elsewhere.isEmpty() ? "" : "; " + elsewhere));
    }

    /**
     * How a hint tells to take {@code what}, the package, out of the store: a copy with no record of the store beside
     * it is the user's, to install and change.
     */
    public String copyOut(String what) {
        return "copy " + what + " out of " + store + " first";
    }

    /** The package and version a folder's name gives, after its scope's {@code @scope/}; empty for any other name. */
    private static Optional<NamedVersion> named(Path folder, String scope) {
        String fileName = folder.getFileName().toString();
        int at = fileName.lastIndexOf('@');
        return at <= 0 ? Optional.empty()
                : NamedVersion.of(scope + fileName.substring(0, at), fileName.substring(at + 1));
    }
}
