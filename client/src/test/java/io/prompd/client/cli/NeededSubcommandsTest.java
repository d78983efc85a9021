package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeededSubcommandsTest {

    @Test
    void theNamedSubcommandAloneByNameOrAlias() {
        assertEquals(List.of(InstallCommand.class), PrompdCommand.needed(new String[] {"install", "@a/b"}));
        assertEquals(List.of(InstallCommand.class), PrompdCommand.needed(new String[] {"i"}));
        assertEquals(List.of(ConfigCommand.class), PrompdCommand.needed(new String[] {"config", "get", "registry"}));
    }

    @Test
    void valuesOfRootOptionsAreNotSubcommandNames() {
        assertEquals(List.of(TreeCommand.class),
                PrompdCommand.needed(new String[] {"--registry", "install", "--home", "x", "-v", "tree"}));
    }

    @Test
    void helpUsageErrorsAndUnknownNamesGetEverySubcommand() {
        int all = PrompdCommand.needed(new String[] {"--help"}).size();
        assertTrue(all > 10);
        assertEquals(all, PrompdCommand.needed(new String[] {"help", "install"}).size());
        assertEquals(all, PrompdCommand.needed(new String[] {"frobnicate"}).size());
        assertEquals(all, PrompdCommand.needed(new String[] {}).size());
        assertEquals(List.of(), PrompdCommand.needed(new String[] {"--version"}));
    }
}
