package io.prompd.client.cli;

import io.prompd.cli.AdvisedConversionException;
import io.prompd.core.name.InvalidPackageSpecException;
import io.prompd.core.name.PackageSpec;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads {@code @scope/name[@range|@tag]} arguments; a malformed one is a usage error with PackageSpec's explanation.
 */
final class PackageSpecConverter implements ITypeConverter<PackageSpec> {

    @Override
    public PackageSpec convert(String value) {
        return converted(value, PackageSpec::parse);
    }

    /** The value as {@code parse} reads it, which refuses it as a usage error with its reason and advice apart. */
    static <T> T converted(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (InvalidPackageSpecException invalid) {
            throw new AdvisedConversionException(invalid.refusal());
        }
    }
}
