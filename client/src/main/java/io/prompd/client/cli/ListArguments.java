package io.prompd.client.cli;

import io.prompd.cli.AdvisedConversionException;
import io.prompd.cli.InvalidValuesException;
import io.prompd.core.problem.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts the values of a positional parameter that takes any number of them, once parsing is
 * done. Picocli ends such a list at the first value its converter refuses and reports that value
 * as an "unmatched argument", which loses the converter's explanation of what is wrong with it.
 * Every value is converted, so that one usage error names each wrong one with its reason.
 */
final class ListArguments {

    private ListArguments() {
    }

    static <T> List<T> converted(CommandSpec spec, String label, List<String> values, Function<String, T> converter) {
        List<T> converted = new ArrayList<>(values.size());
        List<String> refused = new ArrayList<>();
        List<TypeConversionException> refusals = new ArrayList<>();
        for (String value : values) {
            try {
                converted.add(converter.apply(value));
            } catch (TypeConversionException invalid) {
                refused.add(value);
                refusals.add(invalid);
            }
        }
        // the parameter and value let the usage error tell an option written after '--' from a wrong value
        if (refused.size() == 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for " + label + ": "
                    + refusals.get(0).getMessage(), parameter(spec, label), refused.get(0));
        }
        if (!refused.isEmpty()) {
            List<Refusal> why = refusals.stream().map(ListArguments::refusal).toList();
            Optional<String> advice = why.stream().flatMap(refusal -> refusal.advice().stream()).distinct()
                    .reduce((one, another) -> one + "; " + another);
            throw new InvalidValuesException(spec.commandLine(), parameter(spec, label), refused,
                    why.stream().map(Refusal::reason).toList(), advice);
        }
        return List.copyOf(converted);
    }

    /** Why the value was refused, apart from the advice that several refusals share. */
    private static Refusal refusal(TypeConversionException refused) {
        return refused instanceof AdvisedConversionException advised ? advised.refusal()
                : Refusal.withoutAdvice(refused.getMessage());
    }

    private static PositionalParamSpec parameter(CommandSpec spec, String label) {
        return spec.positionalParameters().stream().filter(positional -> positional.paramLabel().equals(label))
                .findFirst().orElseThrow();
    }
}
