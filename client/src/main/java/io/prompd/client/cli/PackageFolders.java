package io.prompd.client.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.packaging.PackageReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** What validate and pack share: finding the package folder and naming what would be packed. */
final class PackageFolders {

    private PackageFolders() {
    }

    static Path existing(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no package folder at " + folder,
                    "give the folder that holds prompd.json, or run 'prompd init " + folder + "' to create one");
        }
        return folder;
    }

    /** {@code @scope/name@1.0.0: 6 files, 12345 bytes}, or what is known when the manifest has errors. */
    static String describe(PackageReport report) {
        String name = report.manifest().map(manifest -> manifest.name() + "@" + manifest.version()).orElse("package");
        int files = report.selection().included().size();
        return name + ": " + files + (files == 1 ? " file, " : " files, ") + report.selection().unpackedSize() + " bytes unpacked";
    }
}
