package io.prompd.client.cli;

import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a package name argument, read as {@link PackageSpec} reads names, so {@code org/pkg} means {@code @org/pkg}.
 */
final class PackageNameConverter implements ITypeConverter<PackageName> {

    @Override
    public PackageName convert(String value) {
        PackageSpec spec = new PackageSpecConverter().convert(value);
        if (!(spec.selector() instanceof PackageSpec.Latest)) {
            throw new TypeConversionException("'" + value + "': give the package name alone, without a version");
        }
        return spec.name();
    }
}
