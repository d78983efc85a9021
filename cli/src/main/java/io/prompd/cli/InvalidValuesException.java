package io.prompd.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * A usage error naming several wrong values of one parameter, each with its reason, kept apart until they are shown:
 * a person reads each on a line of its own and a script each as a problem of its own, where joined into the message
 * they made one line too long to read.
 */
public final class InvalidValuesException extends CommandLine.ParameterException {

    private final transient List<String> reasons;

    /**
     * @param label   the parameter's, as its help shows it: {@code PACKAGE}
     * @param reasons what is wrong with each value, quoting it, two or more
     */
    public InvalidValuesException(CommandLine command, String label, List<String> reasons) {
        super(command, "invalid values for " + label + ":");
        if (reasons.size() < 2) {
            throw new IllegalArgumentException("one wrong value is told as picocli tells it: " + reasons);
        }
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
