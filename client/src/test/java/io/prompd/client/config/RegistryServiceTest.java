package io.prompd.client.config;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryServiceTest {

    /** No other run holds the configuration's lock in these tests. */
    private static final Consumer<Path> NO_NOTE = lock -> { };

    @TempDir
    Path work;

    final RegistryService service() {
        return new RegistryService(new Settings(work.resolve("home"), Optional.empty(), false, Map.of(),
                Optional.empty(), Optional.empty(), HttpLimits.NONE, PLAIN));
    }

    GivenRegistry given(String text) {
        return GivenRegistry.parse(text, work);
    }

    /** The folder's URL, as {@code registry add a file://$PWD/rega} configures it. */
    RegistryUrl folder(String name) throws IOException {
        return RegistryUrl.parse(Files.createDirectories(work.resolve(name)).toUri().toString());
    }

    /**
     * A word naming no registry but the folder of one, in the folder where it was added, was an unknown registry,
     * though its path, as ./rega, was told the registry's name: the word is told it too.
     */
    @Test
    void aWordNamingNoRegistryButTheFolderOfOneIsToldItsName() throws IOException {
        RegistryService service = service();
        RegistryUrl url = folder("rega");
        service.add(RegistryName.parse("a"), url, List.of(), true, NO_NOTE);
        service.add(RegistryName.parse("b"), url, List.of(), false, NO_NOTE);
        service.add(RegistryName.parse("c"), folder("Other"), List.of(), false, NO_NOTE);
        Config before = service.store().read();

        PrompdException remove = assertThrows(PrompdException.class, () -> service.remove(given("rega"), NO_NOTE));
        PrompdException makeDefault = assertThrows(PrompdException.class,
                () -> service.makeDefault(given("rega"), NO_NOTE));
        PrompdException noName = assertThrows(PrompdException.class, () -> service.remove(given("Other"), NO_NOTE));

        assertEquals(List.of(ExitCode.USAGE, ExitCode.USAGE, ExitCode.USAGE),
                List.of(remove.exitCode(), makeDefault.exitCode(), noName.exitCode()));
        assertEquals("'registry remove' takes the name of a configured registry, not a folder", remove.getMessage());
        assertEquals("rega is the folder of registries a and b: run 'prompd registry remove a'", remove.hint());
        assertEquals("'registry default' takes the name of a configured registry, not a folder",
                makeDefault.getMessage());
        assertEquals("rega is the folder of registries a and b: run 'prompd registry default a'", makeDefault.hint());
        assertEquals("Other is the folder of registry c: run 'prompd registry remove c'", noName.hint(),
                "a word that can be no name is the folder alone");
        assertEquals(before, service.store().read(), "nothing was changed");
    }

    @Test
    void aWordNamingARegistryNamesItThoughItIsTheFolderOfAnother() throws IOException {
        RegistryService service = service();
        service.add(RegistryName.parse("a"), folder("b"), List.of(), false, NO_NOTE);
        service.add(RegistryName.parse("b"), RegistryUrl.parse("https://prompd.example/"), List.of(), false,
                NO_NOTE);

        assertEquals(Optional.empty(), service.makeDefault(given("b"), NO_NOTE));
        RegistryService.Removal removal = service.remove(given("b"), NO_NOTE);

        assertEquals(RegistryName.parse("b"), removal.name());
        assertEquals(Map.of(RegistryName.parse("a"), folder("b")), service.store().read().registries());
    }

    @Test
    void aWordNamingNoRegistryNorTheFolderOfOneIsAnUnknownRegistry() throws IOException {
        RegistryService service = service();
        service.add(RegistryName.parse("a"), folder("rega"), List.of(), false, NO_NOTE);
        folder("regb");

        for (String word : List.of("regb", "regc")) {
            PrompdException unknown = assertThrows(PrompdException.class,
                    () -> service.remove(given(word), NO_NOTE));
            assertEquals(ExitCode.NOT_FOUND, unknown.exitCode());
            assertEquals("unknown registry '" + word + "'", unknown.getMessage());
            assertEquals("'prompd registry list' shows the configured registries", unknown.hint());
        }
    }
}
