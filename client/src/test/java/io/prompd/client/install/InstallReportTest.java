package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InstallReportTest {

    @Test
    void thePackagesAreInNameThenVersionOrderWhateverOrderTheyCameIn() {
        InstallReport report = new InstallReport(List.of(installed("@acme/util", "1.1.0"),
                installed("@acme/base", "2.0.0"), installed("@acme/util", "1.0.0")), new TreeMap<>(), List.of(),
                Optional.empty(), true, List.of(), List.of());

        assertEquals(List.of("@acme/base@2.0.0", "@acme/util@1.0.0", "@acme/util@1.1.0"), report.packages().stream()
                .map(one -> one.name() + "@" + one.version()).toList());
    }

    private static InstalledPackage installed(String name, String version) {
        return new InstalledPackage(PackageName.parse(name), Version.parse(version), Path.of("/store", name),
                InstalledPackage.Origin.CACHE);
    }
}
