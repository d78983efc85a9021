package io.prompd.core.protocol;

import io.prompd.core.archive.PackagePaths;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The file and folder names a version of a package becomes, in the registry's repository and build and in a
 * client's store, and the rule that each fits the {@value PackagePaths#MAX_NAME_BYTES} bytes Linux and macOS allow:
 * the check refuses a version that breaks it, since no build could write it and no client install it.
 */
public final class VersionFileNames {

    private static final String STORE_RECORD_SUFFIX = ".integrity";

    /**
     * A name derived from the package and version, how many bytes more the temporary it is written as may take, and
     * what fails when it does not fit.
     */
    private record Derived(String what, String fileName, int addedWhileWritten, String failing) {

        int bytes() {
            return PackagePaths.nameBytes(fileName) + addedWhileWritten;
        }
    }

    private VersionFileNames() {
    }

    /** {@code name@1.2.0}: the folder of an installed version in a client's store, in its scope's folder. */
    public static String storeFolder(PackageName name, Version version) {
        return name.name() + "@" + version;
    }

    /** {@code .name@1.2.0.integrity}: the record of the tarball an installed version was unpacked from, beside it. */
    public static String storeRecord(PackageName name, Version version) {
        return "." + storeFolder(name, version) + STORE_RECORD_SUFFIX;
    }

    /**
     * The name of the folder a file named as a {@link #storeRecord} records, {@code name@1.2.0} of
     * {@code .name@1.2.0.integrity}; empty for any other name. The folder's name is not checked.
     */
    public static Optional<String> storeFolderOfRecord(String fileName) {
        if (!fileName.startsWith(".") || !fileName.endsWith(STORE_RECORD_SUFFIX)
                || fileName.length() <= 1 + STORE_RECORD_SUFFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(1, fileName.length() - STORE_RECORD_SUFFIX.length()));
    }

    /**
     * Why the version's file names do not fit, saying which name is too long, by how much and how to fix it; empty
     * when each fits. A version of ASCII characters only, as SemVer has, counts one byte a character.
     */
    public static Optional<String> tooLong(PackageName name, Version version) {
        Derived longest = derived(name, version).stream().max(Comparator.comparingInt(Derived::bytes)).orElseThrow();
        if (longest.bytes() <= PackagePaths.MAX_NAME_BYTES) {
            return Optional.empty();
        }
        int versionBytes = PackagePaths.nameBytes(version.toString());
        int fittingVersion = versionBytes - (longest.bytes() - PackagePaths.MAX_NAME_BYTES);
        String temporary = longest.addedWhileWritten() == 0 ? ""
                : ", and the temporary it is written as up to " + longest.bytes();
        return Optional.of("version " + version + " of " + name + " makes names longer than the "
                + PackagePaths.MAX_NAME_BYTES + " bytes Linux and macOS allow a file name: " + longest.what() + " '"
                + longest.fileName() + "' has " + PackagePaths.nameBytes(longest.fileName()) + " bytes in UTF-8"
                + temporary + ", so " + longest.failing() + "; publish a version of at most "
                + Math.max(fittingVersion, 0) + " bytes (this one has " + versionBytes + "), or the package under a"
                + " shorter name");
    }

    private static List<Derived> derived(PackageName name, Version version) {
        String build = "the registry's build fails";
        String install = "no client can install the version";
        return List.of(
                new Derived("its folder in the registry", version.toString(), 0, "Git checks it out nowhere"),
                new Derived("its document", RegistryLayout.versionDocumentFileName(version), 0, build),
                new Derived("its tarball", RegistryLayout.tarballFileName(name, version), 0, build),
                // a client's store writes both through a temporary beside them
                new Derived("its folder in a client's store", storeFolder(name, version),
                        TemporaryFiles.MOST_ADDED_BYTES, install),
                new Derived("its integrity record in a client's store", storeRecord(name, version),
                        TemporaryFiles.MOST_ADDED_BYTES, install));
    }
}
