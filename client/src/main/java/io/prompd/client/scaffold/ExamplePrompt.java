package io.prompd.client.scaffold;

import io.prompd.core.name.PackageName;

/** The example prompt of a new package: short, valid, and showing parameters, sections and a condition. */
final class ExamplePrompt {

    private ExamplePrompt() {
    }

    static String text(PackageName name) {
        return """
                ---
                id: example
                name: Example
                version: %s
                description: Explains a topic to a chosen audience. Replace it with your own prompt.
                parameters:
                  - name: topic
                    type: string
                    required: true
                    description: What to explain
                  - name: audience
                    type: string
                    enum: [beginner, expert]
                    default: beginner
                    description: Who the explanation is for
                ---
                # System

                You are a patient teacher working for the %s package. Be accurate and brief.

                # User

                Explain {{ topic }}.
                {%% if audience == "expert" %%}
                Assume the reader knows the field; skip the basics.
                {%% else %%}
                Assume no prior knowledge, and give one everyday example.
                {%% endif %%}
                """.formatted(PackageScaffolder.FIRST_VERSION, name);
    }
}
