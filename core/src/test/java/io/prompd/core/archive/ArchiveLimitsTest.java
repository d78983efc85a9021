package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.source.MemorySource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ArchiveLimitsTest {

    @Test
    void limitsOfOneAreAllowedAndAZeroLimitIsRefused() {
        assertEquals(new ArchiveLimits(1, 1, 1), new ArchiveLimits(1, 1, 1));
        assertEquals("archive limits must all be positive: 0, 1, 1",
                assertThrows(IllegalArgumentException.class, () -> new ArchiveLimits(0, 1, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ArchiveLimits(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ArchiveLimits(1, 1, 0));
    }

    /** Clients refuse a download larger than maxTarballBytes: no package the limits let through may be refused so. */
    @Test
    void theLargestTarballThatFitsTheLimitsIsNoLargerThanMaxTarballBytes() throws IOException {
        ArchiveLimits limits = new ArchiveLimits(4, 256 * 1024, 1024 * 1024);
        Random random = new Random(11);
        Map<String, byte[]> files = new TreeMap<>();
        files.put("prompd.json", "{\"name\":\"@t/p\",\"version\":\"1.0.0\"}".getBytes());
        for (int file = 1; file < limits.maxFiles(); file++) {
            // random bytes do not compress: the tarball is as large as these limits allow
            byte[] content = new byte[(int) limits.maxFileBytes()];
            random.nextBytes(content);
            files.put("data-" + file + ".bin", content);
        }
        MemorySource source = new MemorySource("p", files);
        ByteArrayOutputStream tarball = new ByteArrayOutputStream();

        Packer.pack(source, PackSelector.select(source, List.of(), List.of(), limits, PackageLocation.WORKING_FOLDER),
                tarball);

        assertTrue(tarball.size() > limits.maxUnpackedBytes() * 3 / 4, "incompressible: " + tarball.size());
        assertTrue(tarball.size() <= limits.maxTarballBytes(), tarball.size() + " > " + limits.maxTarballBytes());
    }
}
