package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.client.install.lock.LockFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InstallPlannerTest {

    @Test
    void aPlanKeepsItsOwnCopyOfItsWarningsAndPutsTheWarningsAddedLaterFirst() {
        List<String> warnings = new ArrayList<>(List.of("@a/x@1.0.0 is deprecated"));
        InstallPlanner.Plan plan = new InstallPlanner.Plan(new ProjectGraph(new TreeMap<>(), LockFile.empty()), false,
                warnings);
        warnings.add("added after the plan was made");

        InstallPlanner.Plan stale = plan.withWarningsFirst(List.of("prompd.lock was stale"));

        assertEquals(List.of("@a/x@1.0.0 is deprecated"), plan.warnings());
        assertEquals(List.of("prompd.lock was stale", "@a/x@1.0.0 is deprecated"), stale.warnings());
        assertThrows(UnsupportedOperationException.class, () -> stale.warnings().add("another"));
    }
}
