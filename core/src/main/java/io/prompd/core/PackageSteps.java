package io.prompd.core;

import java.util.Objects;

/**
 * How a hint on a package being validated names the package's prompd.json and the install that brings its
 * dependencies, as the user may follow them where they ran the command: {@code prompd.json} and {@code 'prompd
 * install'} in the package's own folder, {@code pkg/prompd.json} and {@code '(cd pkg && prompd install)'} for the
 * folder {@code prompd validate pkg} was given, where a bare install would install another project's.
 *
 * @param manifest the package's prompd.json, as a path from where the command ran
 * @param install  the install in the package's folder, quoted as hints quote a command
 */
public record PackageSteps(String manifest, String install) {

    public PackageSteps {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(install, "install");
    }

    /** In the package's own folder, as the registry's check and a validation of the working folder's package say. */
    public static PackageSteps here(SuggestedCommands commands) {
        return new PackageSteps("prompd.json", commands.quoted("install"));
    }
}
