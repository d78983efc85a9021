package io.prompd.client.cli;

import io.prompd.cli.AdvisedConversionException;
import io.prompd.core.name.InvalidPackageSpecException;
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
        } catch (InvalidPackageSpecException invalid) {
            throw invalid.advice().<TypeConversionException>map(advice ->
                            new AdvisedConversionException(invalid.reason(), advice))
                    .orElseGet(() -> new TypeConversionException(invalid.getMessage()));
        }
    }
}
