/**
 * A template's Jinja/Nunjucks syntax read before it renders ({@link io.prompd.core.template.TemplateScan}): its tags,
 * expressions and blocks, the variables it reads from its caller, the files it includes, imports or extends, the
 * legacy {@code {name}} placeholders, and where its tags do not fit together, each at its file line.
 *
 * <p>It says what a template holds, not whether that is right for a prompt: the prompt model and the validation rules
 * of {@code io.prompd.core.prompt} read its findings and turn them into problems, so this package knows nothing of
 * prompts, and depends on no prompd package but {@code io.prompd.core.problem}'s spelling hints.
 */
package io.prompd.core.template;
