package io.prompd.cli;

import picocli.CommandLine;

/**
 * A value a converter refuses, with why and, apart from that, how such a value is written: a usage error naming several
 * refused values tells that advice once, in its hint, rather than after each reason.
 */
public final class AdvisedConversionException extends CommandLine.TypeConversionException {

    private final String reason;
    private final String advice;

    /**
     * @param reason what is wrong with the value, quoting it
     * @param advice how to write one
     */
    public AdvisedConversionException(String reason, String advice) {
        super(reason + "; " + advice);
        this.reason = reason;
        this.advice = advice;
    }

    public String reason() {
        return reason;
    }

    public String advice() {
        return advice;
    }
}
