package io.prompd.client.scaffold;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.json.PlainText;
import io.prompd.core.manifest.LicenseCheck;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.manifest.ManifestPaths;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.manifest.ManifestWriter;
import io.prompd.core.manifest.Person;
import io.prompd.core.name.NameCorrection;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.Secrets;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.prompt.WrittenPaths;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Plans the files of a new package: a manifest, a README, a LICENSE and prompts, either an example
 * prompt or prompt files the user already has. The result validates and packs as it is, unless the files imported
 * are more or larger than a package may hold, which {@code prompd init} warns of.
 */
public final class PackageScaffolder {

    static final String FIRST_VERSION = "0.1.0";
    static final String DEFAULT_LICENSE = "MIT";
    private static final String EXAMPLE_PROMPT = "prompts/example.prmd";
    private static final String README = "README.md";
    private static final String LICENSE = "LICENSE";
    private static final String NAME_HINT = "pass --name name or --name @scope/name; the folder keeps its own name";
    private static final String SCOPED_NAME_HINT = "pass --name @scope/name, or --name name for a package without a"
            + " scope";
    /** How many of the letters a folder name cannot be spelt with its refusal names: a CJK name holds dozens. */
    private static final int LETTERS_NAMED = 10;
    /**
     * The lower-case Latin letters that are no letter a-z with accents, which Unicode would decompose, each as people
     * write it in ASCII: Turkish ı, German ß, Danish and Norwegian æ and ø, French œ, Croatian đ, Polish ł, Icelandic
     * ð and þ, Maltese ħ, Sami ŧ and ŋ, Greenlandic ĸ, Azerbaijani ə, and ɛ and ɔ of many African languages.
     */
    private static final Map<Integer, String> LATIN_LETTERS = Map.ofEntries(
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'ð', "d"), Map.entry((int) 'ł', "l"), Map.entry((int) 'þ', "th"),
            Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ŋ', "ng"),
            Map.entry((int) 'ĸ', "q"), Map.entry((int) 'ƒ', "f"), Map.entry((int) 'ə', "e"),
            Map.entry((int) 'ɛ', "e"), Map.entry((int) 'ɔ', "o"));

    private final Clock clock;
    private final SuggestedCommands commands;

    /** @param commands how the hints and notes spell the prompd commands they suggest */
    public PackageScaffolder(Clock clock, SuggestedCommands commands) {
        this.clock = clock;
        this.commands = commands;
    }

    /**
     * A fresh package with one example prompt.
     *
     * @param folder where the package goes
     * @param typed  that folder as the user gave it, relative to where they are, for a command a refusal suggests
     */
    public Scaffold plan(Path folder, Path typed, ScaffoldOptions options) throws IOException {
        PackageName name = name(folder, typed, options);
        String description = options.description().orElse("Prompts for " + name.name().replace('-', ' ') + ".");
        FoundDocuments found = FoundDocuments.in(folder);
        Manifest manifest = manifest(name, description, options, found)
                .main(EXAMPLE_PROMPT)
                .prompts(Map.of("example", EXAMPLE_PROMPT))
                .build();
        List<String> notes = new ArrayList<>();
        SortedMap<String, byte[]> files = commonFiles(manifest, Map.of("example", EXAMPLE_PROMPT), folder, found,
                notes);
        files.put(EXAMPLE_PROMPT, utf8(ExamplePrompt.text(name)));
        licenseNote(manifest).ifPresent(notes::add);
        return new Scaffold(name, files, notes);
    }

    /** A package made of prompt files found at {@code sources}, with what they reference; as {@link #plan}. */
    public Scaffold planFrom(Path folder, Path typed, ScaffoldOptions options, List<Path> sources) throws IOException {
        PackageName name = name(folder, typed, options);
        ImportedPrompts imported = ImportedPrompts.collect(sources);
        FoundDocuments found = FoundDocuments.in(folder);
        String description = options.description().orElse("Prompts imported into " + name + ".");
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>(imported.dependencies());
        dependencies.remove(name);
        Manifest.Builder builder = manifest(name, description, options, found)
                .prompts(imported.promptNames())
                .dependencies(dependencies);
        if (imported.promptNames().size() == 1) {
            builder.main(imported.promptNames().values().iterator().next());
        }
        Manifest manifest = builder.build();
        List<String> notes = new ArrayList<>();
        SortedMap<String, byte[]> files = commonFiles(manifest, imported.promptNames(), folder, found, notes);
        files.putAll(imported.files());
        notes.addAll(imported.notes());
        licenseNote(manifest).ifPresent(notes::add);
        return new Scaffold(name, files, notes);
    }

    private Manifest.Builder manifest(PackageName name, String description, ScaffoldOptions options,
                                      FoundDocuments found) {
        if (description.isBlank()) {
            // validate warns of an empty description as absent, which would fail the new package's validate --strict
            throw invalid("--description", List.of("the description is empty"),
                    "pass one sentence on what the package is for, or leave --description out for a default one");
        }
        Manifest.Builder builder = Manifest.of(name, Version.parse(FIRST_VERSION)).toBuilder()
                .description(plain("--description", ManifestFields.DESCRIPTION, description))
                .license(license(options))
                .readme(found.readme().orElse(README));
        author(options).ifPresent(builder::author);
        return builder;
    }

    /**
     * The author given, refused by validate's rules; a blank one as validate refuses an author without a name,
     * rather than dropped as validate drops {@code "author": ""}: whoever passed --author meant someone.
     */
    private static Optional<Person> author(ScaffoldOptions options) {
        Optional<String> author = options.author().map(text -> plain("--author", ManifestFields.AUTHOR, text));
        if (author.isPresent() && author.get().isBlank()) {
            throw invalid("--author", List.of("the author needs a name"),
                    "pass --author 'Your Name <you@example.org>', or leave --author out");
        }
        return author.map(Person::parse);
    }

    /**
     * The text of an option, refused as validate would refuse it in the manifest's {@code field} (a control character,
     * a bidi control, a lone surrogate): init writes a package ready to validate.
     */
    private static String plain(String option, String field, String text) {
        List<String> messages = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        PlainText.value(text, Pointer.of(field), (at, message, hint) -> {
            messages.add(message);
            hints.add(hint);
        });
        if (!messages.isEmpty()) {
            throw invalid(option, messages, hints.get(0));
        }
        return withoutSecrets(option, text);
    }

    /**
     * The text of an option, refused when it holds a likely credential, which the check refuses in prompd.json and in
     * every file init would write it into (README, LICENSE). The message names the kind, never the text.
     */
    private static String withoutSecrets(String option, String text) {
        List<String> secrets = Secrets.describedIn(text);
        if (!secrets.isEmpty()) {
            throw invalid(option, secrets.stream().map(secret -> "it holds what looks like " + secret).toList(),
                    "leave the credential out of " + option + ", and revoke it if it is real: it is in your shell's"
                            + " history");
        }
        return text;
    }

    /** The usage error of an option whose value breaks a rule of validate's, naming every break at once. */
    private static PrompdException invalid(String option, List<String> messages, String hint) {
        return new PrompdException(ExitCode.USAGE, "invalid " + option + ":"
                + (messages.size() == 1 ? " " + messages.get(0) : "\n  " + String.join("\n  ", messages)), hint);
    }

    /**
     * The license asked for, refused when validation would flag it: the LICENSE file written beside
     * it would otherwise point to a license text that does not exist.
     */
    private static String license(ScaffoldOptions options) {
        String license = options.license().orElse(DEFAULT_LICENSE);
        List<Problem> problems = LicenseCheck.check(license, "", "");
        if (!problems.isEmpty()) {
            // "MITT OR Apach-2.0" has two unknown identifiers: name both at once, as validate would
            throw invalid("--license", problems.stream().map(Problem::message).toList(), problems.get(0).hint());
        }
        return withoutSecrets("--license", license);
    }

    /**
     * The file {@code SEE LICENSE IN <file>} names, refused as validate refuses it when it leads outside the package or
     * is written otherwise than the registry would find it ({@code ./TERMS.md}, {@code docs\TERMS.md}).
     */
    private static Optional<String> termsFile(Manifest manifest) {
        Optional<String> termsFile = manifest.license().flatMap(LicenseCheck::licenseFile);
        if (termsFile.isEmpty()) {
            return termsFile;
        }
        // as if the file were there, as init writes it: only how it is written can be wrong
        Set<String> written = Set.of(WrittenPaths.normalForm(WrittenPaths.withSlashes(termsFile.get())));
        List<Problem> problems = ManifestPaths.check(manifest, ManifestReader.FILE_NAME, written, Map.of()).stream()
                .filter(problem -> problem.pointer().equals(Pointer.of(ManifestFields.LICENSE))).toList();
        if (!problems.isEmpty()) {
            throw invalid("--license", problems.stream().map(Problem::message).toList(), problems.get(0).hint());
        }
        return termsFile;
    }

    /**
     * The manifest, README and license files, but for those {@code folder} holds already, which are kept, as
     * {@code notes} then says.
     */
    private SortedMap<String, byte[]> commonFiles(Manifest manifest, Map<String, String> prompts, Path folder,
                                                  FoundDocuments found, List<String> notes) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("prompd.json", ManifestWriter.write(manifest));
        found.readme().ifPresentOrElse(readme -> notes.add(kept(readme, "README, which prompd.json's \""
                + ManifestFields.README + "\" names")), () -> files.put(README, utf8(readme(manifest, prompts))));
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        String holder = manifest.author().map(Person::name).orElse("the authors of " + manifest.name());
        String licenseTerms = "license terms: make sure prompd.json's \"" + ManifestFields.LICENSE
                + "\" says the same";
        found.licenses().forEach(license -> notes.add(kept(license, licenseTerms)));
        if (found.licenses().isEmpty()) {
            files.put(LICENSE, utf8(LicenseText.of(manifest.license().orElse(DEFAULT_LICENSE), year, holder)));
        }
        // the terms SEE LICENSE IN points at are the author's to write, in a file validate finds, with a line saying so
        Optional<String> terms = termsFile(manifest).filter(path -> !found.licenses().contains(path));
        if (terms.isPresent() && FoundDocuments.holdsTermsFile(folder, terms.get())) {
            notes.add(kept(terms.get(), licenseTerms));
        } else {
            terms.ifPresent(path -> files.putIfAbsent(path, utf8(LicenseText.terms(year, holder))));
        }
        return files;
    }

    private static String kept(String path, String as) {
        return "kept " + path + ", which the folder held already, as the package's " + as;
    }

    private static Optional<String> licenseNote(Manifest manifest) {
        return LicenseText.note(manifest.license().orElse(DEFAULT_LICENSE));
    }

    private static String readme(Manifest manifest, Map<String, String> prompts) {
        StringBuilder readme = new StringBuilder("# ").append(manifest.name()).append("\n\n")
                .append(manifest.description().orElse("")).append("\n\n## Prompts\n\n");
        new TreeMap<>(prompts).forEach((prompt, path) ->
                readme.append("- `").append(prompt).append("`: [").append(path).append("](")
                .append(path).append(")\n"));
        readme.append("\n## Use\n\nAdd it to your project:\n\n```sh\nprompd install ").append(manifest.name())
                .append("\n```\n");
        // installing puts no prompt in a project, and how a prompt of it takes the package's is otherwise told only to
        // authors (CONTRIBUTING.md); init copies no file whose name holds '"' or '\', which YAML would need escaped
        Optional<String> shown = manifest.main().or(() -> new TreeMap<>(prompts).values().stream().findFirst());
        shown.ifPresent(prompt -> readme.append("\nthen take its prompts from a prompt of the project, in its front")
                .append(" matter, and check it with `prompd validate .`:\n\n```yaml\ninherits: \"")
                .append(manifest.name()).append('@').append(VersionRange.caret(manifest.version())).append('/')
                .append(prompt).append("\"\n```\n"));
        return readme.toString();
    }

    /**
     * The name given, or one made from the folder name, scoped when the folder's parent is named as a scope
     * ({@code @acme}); refused with a hint when neither is valid, or when the folder itself is named as a scope.
     */
    PackageName name(Path folder, Path typed, ScaffoldOptions options) {
        if (options.name().isPresent()) {
            try {
                return PackageName.parse(options.name().get());
            } catch (IllegalArgumentException invalid) {
                // the user did pass --name: the fix of what they passed, as install gives it, says more
                throw new PrompdException(ExitCode.USAGE, invalid.getMessage(), NameCorrection.of(options.name().get())
                        .map(corrected -> corrected.writeInstead(corrected.name().toString()))
                        .orElse("pass --name @scope/name or --name name"));
            }
        }
        Path absolute = folder.toAbsolutePath().normalize();
        Path fileName = absolute.getFileName();
        Path parent = absolute.getParent() == null ? null : absolute.getParent().getFileName();
        refuseUnspellable(fileName, parent);
        String derived = fileName == null ? "" : nameFrom(fileName.toString());
        if (fileName != null && fileName.toString().startsWith("@")) {
            // as a parent folder named @acme makes the scope, a package folder so named is most likely a /NAME
            // forgotten
            String scope = "@" + nameFrom(fileName.toString().substring(1));
            throw new PrompdException(ExitCode.USAGE, "the folder '" + fileName + "' is named as a scope, which holds"
                    + " its packages in folders of their own, not as a package", "give the package a name in the scope:"
                    + " " + commands.quoted("init " + ShellWords.path(inScope(typed, fileName, scope).toString()))
                    + ", or --name " + scope + "/NAME");
        }
        if (parent != null && parent.toString().startsWith("@")) {
            // @acme/foo, as npm lays out a scope's packages and a registry its packages/ folder: the scope is the
            // parent's
            String scoped = "@" + nameFrom(parent.toString().substring(1)) + "/" + derived;
            List<String> broken = PackageName.check(scoped);
            if (!broken.isEmpty()) {
                throw unnamed("a scoped package name from the folder names '" + parent + "/" + fileName + "'", broken,
                        SCOPED_NAME_HINT);
            }
            return PackageName.parse(scoped);
        }
        List<String> broken = derived.isEmpty() ? List.of("it holds no letter or digit") : PackageName.check(derived);
        if (!broken.isEmpty()) {
            throw unnamed("a package name from the folder name '" + fileName + "'", broken,
                    NAME_HINT);
        }
        return PackageName.parse(derived);
    }

    /**
     * A package folder in the scope's folder, as the user may give it where they gave {@code typed}: the folder named
     * as the scope, {@code work/@Acme} as {@code work/@acme/NAME}, or one in the folder they are in ({@code .}).
     */
    private static Path inScope(Path typed, Path fileName, String scope) {
        Path written = typed.normalize();
        return (fileName.equals(written.getFileName()) ? written.resolveSibling(scope) : written).resolve("NAME");
    }

    /**
     * Says what rule of package names the name made of a folder's breaks, as the error of a --name does: a folder
     * may be named what no package can (longer than the 64 characters a name may have, a device name Windows
     * reserves, such as CON).
     */
    private static PrompdException unnamed(String what, List<String> broken, String hint) {
        return new PrompdException(ExitCode.USAGE, "cannot make " + what + ": " + String.join("; ", broken), hint);
    }

    /**
     * Refuses a folder name (and the name of its parent when that makes the scope) holding letters or digits that
     * {@link #nameFrom} cannot spell (Greek, CJK, ...), naming them: made of what is left, the name would be another
     * one (日本語-prompts as prompts), or none.
     */
    private static void refuseUnspellable(Path fileName, Path parent) {
        boolean scoped = parent != null && parent.toString().startsWith("@");
        String names = fileName == null ? "" : fileName.toString();
        String written = scoped ? parent + "/" + names : names;
        List<String> unspellable = written.codePoints().filter(PackageScaffolder::unspellable).distinct()
                .mapToObj(Character::toString).toList();
        if (unspellable.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>(unspellable.subList(0, Math.min(unspellable.size(), LETTERS_NAMED)));
        if (named.size() < unspellable.size()) {
            named.add((unspellable.size() - named.size()) + " more");
        }
        throw unnamed((scoped ? "a scoped package name from the folder names '" : "a package name from the folder"
                + " name '") + written + "'", List.of("it holds " + Plural.series(named, "and") + ", which a package"
                + " name, written in a-z, 0-9, '.', '_' and '-', has no spelling of"), scoped ? SCOPED_NAME_HINT
                : NAME_HINT);
    }

    /**
     * "Café Prompts" is cafe-prompts, "Größe" grosse: the accents come off rather than take their letters with them,
     * and a letter that is no accented one is written as people write it in ASCII. What is neither letter nor digit
     * (spaces, punctuation) becomes a '-'.
     */
    private static String nameFrom(String folderName) {
        return folderName.codePoints().mapToObj(PackageScaffolder::spelled).collect(Collectors.joining())
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "").replaceAll("[.-]+$", "");
    }

    /** Whether the character is a letter or digit that has no spelling in ASCII. */
    private static boolean unspellable(int character) {
        return spelled(character).codePoints().anyMatch(left -> left > 0x7F && Character.isLetterOrDigit(left));
    }

    /**
     * The character in lower case, its accents and other marks taken off (as compatibility forms are made plain:
     * the ligature 'ﬁ' is fi, a full-width 'Ａ' a), and a Latin letter that has no such decomposition written as
     * people write it in ASCII (ı as i, ß as ss, ø as o); any other character as it then is.
     */
    private static String spelled(int character) {
        String plain = Normalizer.normalize(Character.toString(character), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return plain.codePoints().mapToObj(left -> LATIN_LETTERS.getOrDefault(left, Character.toString(left)))
                .collect(Collectors.joining());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
