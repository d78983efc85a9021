package io.prompd.core.name;

import java.util.List;
import java.util.stream.Stream;

/**
 * The names the tests of {@link PackageName} accept and refuse, rule by rule. The published JSON Schema's pattern of a
 * package name is held to the same lists (ManifestSchemaTest), so that a rule added to one and not to the other fails
 * a test.
 */
public final class PackageNameExamples {

    private static final String LONGEST = "a".repeat(PackageName.MAX_PART_LENGTH);

    private PackageNameExamples() {
    }

    /** Names every rule lets pass, some of them close to one that does not. */
    public static List<String> valid() {
        return List.of("pkg", "@org/pkg", "@prompd/core-prompts", "a", "0", "@a1/b_c.d-e", "a.b", "a_b-c", "pkg-", "p_",
                "@s/n", "@prompd-internal/examples", "console", "con-x", "conx", "auxiliary.tools", "com10", "@com10/x",
                "lpt10.x", "node_modules-x", "favicon.ico.x", "favicon", "@node_modules/favicon-ico", LONGEST,
                "@" + LONGEST + "/" + LONGEST);
    }

    /** Names that hold a character other than a-z, 0-9, '.', '_' and '-', and break no other rule. */
    public static List<String> outsideTheCharacters() {
        return List.of("pkg!", "p kg", "pkg~", "päckage", "@org/pkg/extra");
    }

    /** Names whose scope or name starts with a character other than a letter or a digit, and break no other rule. */
    public static List<String> notStartingWithALetterOrDigit() {
        return List.of(".pkg", "_pkg", "-pkg");
    }

    /** Names whose scope or name is a Windows device name, or one with an extension, and break no other rule. */
    public static List<String> deviceNames() {
        return List.of("con", "nul", "prn", "aux", "com1", "lpt9", "con.txt", "nul.tar.gz", "@aux/pkg", "@org/lpt1.x",
                "com0", "lpt0", "@lpt0/pkg", "lpt0.prompts", "@com0/x", "@s/aux.md", "@nul.x/pkg", "@nul/x", "@s/lpt1");
    }

    /** Names that are node_modules, which tools treat specially, and break no other rule. */
    public static List<String> nodeModules() {
        return List.of("node_modules", "@org/node_modules");
    }

    /** Names refused by the rules the tests of PackageName try one name at a time, or by more than one rule. */
    public static List<String> refusedOtherwise() {
        return List.of("", "@org/", "@/pkg", "@org", "@", "@s", "org/pkg", "s/n", "@org/My-pkg", "@Org/Pkg", "A",
                "CON", "pkg.", "foo.", "a.", "@org./pkg", "@s/n.", "favicon.ico", "@org/favicon.ico", "com\u00B9",
                "con .md", LONGEST + "a", "@" + LONGEST + "a/pkg", "@org/" + LONGEST + "a");
    }

    /** Every name above that a rule refuses. */
    public static List<String> refused() {
        return Stream.of(outsideTheCharacters(), notStartingWithALetterOrDigit(), deviceNames(), nodeModules(),
                refusedOtherwise()).flatMap(List::stream).toList();
    }
}
