package io.prompd.core.testing;

/**
 * A prompt a tester found validated with no problem, though each of its parameters contradicts itself, for the core's
 * rules and the command line's {@code validate} alike: its problems are at lines 5 to 11, one a parameter.
 */
public final class ContradictoryPrompt {

    public static final String TEXT = """
            ---
            id: greet
            description: d
            parameters:
              - {name: a, type: string, required: true, default: "x"}
              - {name: c, type: string, enum: []}
              - {name: d, type: number, pattern: "^[0-9]+$"}
              - {name: e, type: string, min: 3}
              - {name: j, type: json, default: "{not json"}
              - {name: k, type: base64, default: "!!!notbase64"}
              - {name: m, type: string, enum: [a, a]}
            ---
            # User
            {{ a }}{{ c }}{{ d }}{{ e }}{{ j }}{{ k }}{{ m }}
            """;

    private ContradictoryPrompt() {
    }
}
