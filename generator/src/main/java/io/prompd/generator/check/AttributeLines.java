package io.prompd.generator.check;

import io.prompd.generator.source.GitConversions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;

/**
 * The rules of a .gitattributes line by line, as JGit parses them, with the macros the root's file defines
 * ({@code [attr]win text eol=crlf}) and Git's own {@code binary} expanded as JGit expands them: what a problem needs
 * to name the line deciding an attribute for a path, which a rule using a macro may be. A folder's file uses the
 * root's macros and defines none, as Git and JGit read macros from the root's file alone.
 */
final class AttributeLines {

    private static final String MACRO_PREFIX = "[attr]";
    /** Git's one built-in macro. */
    private static final List<Attribute> BINARY = List.of(new Attribute("diff", Attribute.State.UNSET),
            new Attribute("merge", Attribute.State.UNSET), new Attribute("text", Attribute.State.UNSET));

    /** The folder holding the file, {@code /}-separated; empty for the root. */
    private final String folder;
    private final List<List<AttributesRule>> rules;
    private final Map<String, Macro> macros;

    /** A macro: the line defining it (0 for Git's built-in one) and the attributes it stands for. */
    private record Macro(int line, List<Attribute> attributes) {
    }

    /**
     * Where a rule sets an attribute for a path.
     *
     * @param file      the .gitattributes holding the rule, as a repository path
     * @param line      the rule's line, counting from 1
     * @param attribute the attribute as the rule leaves it
     * @param macro     the macro as the line writes it ({@code win}, {@code -win}, {@code win=yes}), when the attribute
     *                  comes through one
     * @param macroLine the line of the root's .gitattributes defining that macro; none for Git's built-in
     *                  {@code binary}
     */
    record Setting(String file, int line, Attribute attribute, Optional<Attribute> macro, OptionalInt macroLine) {

        Setting {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(macro, "macro");
            Objects.requireNonNull(macroLine, "macroLine");
        }
    }

    /** The root's .gitattributes. */
    AttributeLines(List<String> lines) {
        this("", lines, Map.of("binary", new Macro(0, BINARY)), true);
    }

    private AttributeLines(String folder, List<String> lines, Map<String, Macro> known, boolean definesMacros) {
        List<List<AttributesRule>> parsed = new ArrayList<>();
        Map<String, Macro> defined = new HashMap<>(known);
        for (String line : lines) {
            List<AttributesRule> lineRules = parse(line);
            for (AttributesRule rule : lineRules) {
                if (definesMacros && rule.getPattern().startsWith(MACRO_PREFIX)) {
                    defined.put(rule.getPattern().substring(MACRO_PREFIX.length()),
                            new Macro(parsed.size() + 1, List.copyOf(rule.getAttributes())));
                }
            }
            parsed.add(lineRules);
        }
        this.folder = folder;
        this.rules = List.copyOf(parsed);
        this.macros = Map.copyOf(defined);
    }

    /** The .gitattributes of a folder below the root, whose file this is. */
    AttributeLines below(String folder, List<String> lines) {
        return new AttributeLines(folder, lines, macros, false);
    }

    /** The file's repository path. */
    String file() {
        return folder.isEmpty() ? GitConversions.FILE : folder + "/" + GitConversions.FILE;
    }

    private static List<AttributesRule> parse(String line) {
        AttributesNode node = new AttributesNode();
        try {
            node.parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException impossible) {
            // a stream over bytes in memory does not fail
            throw new UncheckedIOException(impossible);
        }
        return List.copyOf(node.getRules());
    }

    /**
     * The last line whose rule matches the file and names the attribute, itself or through a macro: the one that
     * decides it there as JGit reads the file, which takes the last line, the last attribute of a line and the first
     * a macro's expansion names; none when no line does.
     */
    Optional<Setting> deciding(String name, String path) {
        if (!folder.isEmpty() && !path.startsWith(folder + "/")) {
            return Optional.empty();
        }
        // a folder's rules match paths from the folder, as Git reads them
        String relative = folder.isEmpty() ? path : path.substring(folder.length() + 1);
        for (int index = rules.size() - 1; index >= 0; index--) {
            List<AttributesRule> lineRules = rules.get(index);
            for (int ruleIndex = lineRules.size() - 1; ruleIndex >= 0; ruleIndex--) {
                AttributesRule rule = lineRules.get(ruleIndex);
                if (rule.getPattern().startsWith(MACRO_PREFIX) || !rule.isMatch(relative, false)) {
                    continue;
                }
                for (int at = rule.getAttributes().size() - 1; at >= 0; at--) {
                    Attribute written = rule.getAttributes().get(at);
                    Optional<Attribute> set = expanded(written, new HashSet<>()).stream()
                            .filter(attribute -> attribute.getKey().equals(name)).findFirst();
                    if (set.isPresent()) {
                        return Optional.of(setting(index + 1, written, set.get(), name));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Setting setting(int line, Attribute written, Attribute set, String name) {
        if (written.getKey().equals(name)) {
            return new Setting(file(), line, set, Optional.empty(), OptionalInt.empty());
        }
        int defined = macros.get(written.getKey()).line();
        return new Setting(file(), line, set, Optional.of(written),
                defined > 0 ? OptionalInt.of(defined) : OptionalInt.empty());
    }

    /**
     * The attribute followed by what it stands for when it is a macro, as JGit expands them: a macro set gives its
     * attributes, one unset gives them inverted, one unspecified leaves them unspecified, and one given a value
     * ({@code win=yes}) gives them as set, each of them given a value taking the macro's; a macro that names itself,
     * directly or not, is expanded once.
     */
    private List<Attribute> expanded(Attribute attribute, Set<String> expanding) {
        Macro macro = macros.get(attribute.getKey());
        if (macro == null || !expanding.add(attribute.getKey())) {
            return List.of(attribute);
        }
        List<Attribute> all = new ArrayList<>(List.of(attribute));
        for (Attribute part : macro.attributes()) {
            all.addAll(expanded(as(attribute, part), expanding));
        }
        expanding.remove(attribute.getKey());
        return List.copyOf(all);
    }

    /** A part of a macro as the macro, as the line writes it, gives it. */
    private static Attribute as(Attribute macro, Attribute part) {
        boolean flag = part.getState() == Attribute.State.SET || part.getState() == Attribute.State.UNSET;
        return switch (macro.getState()) {
            case SET -> part;
            case CUSTOM -> part.getState() == Attribute.State.CUSTOM ? new Attribute(part.getKey(), macro.getValue())
                    : part;
            case UNSET -> flag ? new Attribute(part.getKey(), part.getState() == Attribute.State.SET
                    ? Attribute.State.UNSET : Attribute.State.SET) : part;
            case UNSPECIFIED -> new Attribute(part.getKey(), Attribute.State.UNSPECIFIED);
        };
    }
}
