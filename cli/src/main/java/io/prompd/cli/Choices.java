package io.prompd.cli;

import io.prompd.core.Plural;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The value of an option that picks one of a few words ({@code --format json}, {@code --resolution lowest}), as both
 * command lines read it: the enum's constant, written in lower case alone, as the help and Tab list them and as cargo,
 * git and npm take their options' words. Written otherwise ({@code JSON}), it is refused with the spelling taken, so
 * that one tool does not take what the other refuses and a script's spelling works with every release. A subclass
 * names its enum; it is the option's {@code converter} and its {@code completionCandidates}.
 *
 * @param <E> the choices
 */
public abstract class Choices<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {

    private final Class<E> type;
    private final String noun;

    /** @param noun what one choice is, as in {@code 'x' is not a format} */
    protected Choices(Class<E> type, String noun) {
        this.type = Objects.requireNonNull(type, "type");
        this.noun = Objects.requireNonNull(noun, "noun");
    }

    /** A choice as it is typed. */
    public static String typed(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convert(String value) {
        for (E choice : type.getEnumConstants()) {
            if (typed(choice).equals(value)) {
                return choice;
            }
        }
        boolean otherCase = Arrays.stream(type.getEnumConstants())
                .anyMatch(choice -> typed(choice).equals(value.toLowerCase(Locale.ROOT)));
        throw new CommandLine.TypeConversionException("'" + value + "' is not a " + noun + "; use "
                + Plural.series(names(), "or") + (otherCase ? ", in lower case" : ""));
    }

    /** What Tab offers: the words {@link #convert} takes. */
    @Override
    public Iterator<String> iterator() {
        return names().iterator();
    }

    private List<String> names() {
        return Arrays.stream(type.getEnumConstants()).map(Choices::typed).toList();
    }
}
