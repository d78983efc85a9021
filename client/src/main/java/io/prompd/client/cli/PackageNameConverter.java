package io.prompd.client.cli;

import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads a package name argument, read as {@link PackageSpec} reads names, so {@code org/pkg} means {@code @org/pkg};
 * a malformed one, or one with a version, is a usage error with {@link PackageSpec#parseName}'s explanation.
 */
final class PackageNameConverter implements ITypeConverter<PackageName> {

    @Override
    public PackageName convert(String value) {
        return PackageSpecConverter.converted(value, PackageSpec::parseName);
    }
}
