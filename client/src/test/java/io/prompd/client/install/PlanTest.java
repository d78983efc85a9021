package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.client.install.lock.LockFile;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final InstallNote DEPRECATED = new InstallNote.Deprecated(PackageName.parse("@a/x"),
            Version.parse("1.0.0"), "");
    private static final InstallNote STALE = new InstallNote.StaleLock(List.of("an entry disagrees"));

    @Test
    void aPlanKeepsItsOwnCopyOfItsWarningsAndPutsTheWarningsAddedLaterFirst() {
        List<InstallNote> warnings = new ArrayList<>(List.of(DEPRECATED));
        Plan plan = new Plan(new ProjectGraph(new TreeMap<>(), LockFile.empty()), false,
                warnings);
        warnings.add(new InstallNote.NotInRegistry(PackageName.parse("@a/added-after-the-plan-was-made"),
                "the registry",
                "'prompd install' cannot lock it", Optional.empty()));

        Plan stale = plan.withWarningsFirst(List.of(STALE));

        assertEquals(List.of(DEPRECATED), plan.warnings());
        assertEquals(List.of(STALE, DEPRECATED), stale.warnings());
        assertThrows(UnsupportedOperationException.class, () -> stale.warnings().add(DEPRECATED));
    }
}
