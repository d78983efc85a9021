package io.prompd.client.cli;

import io.prompd.core.name.PackageSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code @scope/name[@range|@tag]} arguments; a malformed one is a usage error with PackageSpec's explanation.
 */
final class PackageSpecConverter implements ITypeConverter<PackageSpec> {

    @Override
    public PackageSpec convert(String value) {
        try {
            return PackageSpec.parse(value);
        } catch (IllegalArgumentException invalid) {
            throw new TypeConversionException(invalid.getMessage());
        }
    }
}
