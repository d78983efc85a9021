package io.prompd.client.cli;

import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts the values of a positional parameter that takes any number of them, once parsing is
 * done. Picocli ends such a list at the first value its converter refuses and reports that value
 * as an "unmatched argument", which loses the converter's explanation of what is wrong with it.
 */
final class ListArguments {

    private ListArguments() {
    }

    static <T> List<T> converted(CommandSpec spec, String label, List<String> values, Function<String, T> converter) {
        return values.stream().map(value -> {
            try {
                return converter.apply(value);
            } catch (TypeConversionException invalid) {
                // the parameter and value let the usage error tell an option written after '--' from a wrong value
                throw new ParameterException(spec.commandLine(), "Invalid value for " + label + ": "
                        + invalid.getMessage(),
                        spec.positionalParameters().stream().filter(positional -> positional.paramLabel().equals(label))
                                .findFirst().orElseThrow(), value);
            }
        }).toList();
    }
}
