package io.prompd.core.manifest;

import java.util.List;

/** The fields prompd knows in {@code prompd.json}, in the order a written manifest lists them. */
public final class ManifestFields {

    public static final String NAME = "name";
    public static final String VERSION = "version";
    public static final String DESCRIPTION = "description";
    public static final String AUTHOR = "author";
    public static final String LICENSE = "license";
    public static final String KEYWORDS = "keywords";
    public static final String CATEGORY = "category";
    public static final String MAIN = "main";
    public static final String PROMPTS = "prompts";
    public static final String DEPENDENCIES = "dependencies";
    public static final String ENGINES = "engines";
    /** The key of {@code engines} that names the prompd versions a package works with, as a SemVer range. */
    public static final String PROMPD_ENGINE = "prompd";
    public static final String REPOSITORY = "repository";
    public static final String FILES = "files";
    public static final String IGNORE = "ignore";
    public static final String README = "readme";
    public static final String TYPE = "type";

    /** The conventional order of npm's package.json, which readers of manifests are used to. */
    public static final List<String> KNOWN = List.of(NAME, VERSION, DESCRIPTION, AUTHOR, LICENSE, KEYWORDS, CATEGORY,
            MAIN, PROMPTS, DEPENDENCIES, ENGINES, REPOSITORY, FILES, IGNORE, README, TYPE);

    private ManifestFields() {
    }

    public static boolean isKnown(String field) {
        return KNOWN.contains(field);
    }
}
