package io.prompd.cli;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A usage error naming several wrong values of one parameter, each with its reason, kept apart until they are shown:
 * a person reads each on a line of its own and a script each as a problem of its own, where joined into the message
 * they made one line too long to read.
 */
public final class InvalidValuesException extends CommandLine.ParameterException {

    private final transient List<String> reasons;
    private final transient Optional<String> advice;

    /**
     * @param parameter the parameter given the values
     * @param refused   the values it refused, each as typed, two or more
     * @param reasons   what is wrong with each of them, quoting it, in their order
     * @param advice    how to write such values, which the reasons leave to be told once; empty when they need none
     */
    public InvalidValuesException(CommandLine command, CommandLine.Model.PositionalParamSpec parameter,
                                  List<String> refused, List<String> reasons, Optional<String> advice) {
        super(command, "invalid values for " + parameter.paramLabel() + ":", parameter, reported(refused, reasons));
        this.reasons = List.copyOf(reasons);
        this.advice = Objects.requireNonNull(advice, "advice");
    }

    /** The value reported: the first written as an option, as one typed after '--' is the likelier slip to explain. */
    private static String reported(List<String> refused, List<String> reasons) {
        if (reasons.size() < 2 || reasons.size() != refused.size()) {
            throw new IllegalArgumentException("one wrong value is told as picocli tells it, several each with its"
                    + " reason: " + refused + ", " + reasons);
        }
        return refused.stream().filter(value -> value.startsWith("-")).findFirst().orElse(refused.get(0));
    }

    public List<String> reasons() {
        return reasons;
    }

    public Optional<String> advice() {
        return advice;
    }
}
