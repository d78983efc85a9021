package io.prompd.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.prompd.core.protocol.PackageList;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryDocument;
import io.prompd.core.protocol.VersionDocument;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shape of the documents a build serves is part of its output. A build never writes a version's document again
 * once written, so a change of shape without a new {@link BuildState#FORMAT} would leave an earlier build's documents
 * in the old shape beside new ones, and a later build reading them back ({@code republish}) would misread them.
 */
class DocumentShapeTest {

    private static final List<Class<?>> SERVED = List.of(RegistryDocument.class, PackageList.class, Packument.class,
            VersionDocument.class);

    @Test
    void theServedDocumentsHaveTheShapeRecordedWithTheirFormat() throws IOException {
        String recorded;
        try (InputStream in = DocumentShapeTest.class.getResourceAsStream("document-shape.txt")) {
            assertNotNull(in, "document-shape.txt is a test resource beside this test");
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertEquals(recorded, "format " + BuildState.FORMAT + "\n" + shape(), "the served documents' types changed:"
                + " where the JSON they give changes, bump BuildState.FORMAT and add the old format to"
                + " RegistryBuilderTest's anOutputOfAnEarlierFormatIsRebuiltInFull; then record the format and shape in"
                + " document-shape.txt");
    }

    /** Each record the documents hold, with its components, their types and the annotations that name them in JSON. */
    private static String shape() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(SERVED);
        StringBuilder shape = new StringBuilder();
        while (!pending.isEmpty()) {
            Class<?> type = pending.removeFirst();
            if (!seen.add(type)) {
                continue;
            }
            if (type.isEnum()) {
                shape.append(type.getSimpleName()).append(Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", ", " {", "}\n")));
            } else if (type.isRecord()) {
                shape.append(type.getSimpleName()).append(Arrays.stream(type.getRecordComponents())
                        .map(component -> described(component, pending))
                        .collect(Collectors.joining(", ", "(", ")\n")));
            }
        }
        return shape.toString();
    }

    private static String described(RecordComponent component, Deque<Class<?>> pending) {
        enqueueOwnTypes(component.getGenericType(), pending);
        Method accessor = component.getAccessor();
        return Arrays.stream(accessor.getAnnotations()).map(DocumentShapeTest::described)
                .map(annotation -> annotation + " ").collect(Collectors.joining())
                + component.getGenericType().getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.')
                + " " + component.getName();
    }

    /** {@code @JsonProperty("private")}: the annotation and its value, which is what shapes the JSON. */
    private static String described(Annotation annotation) {
        String value;
        try {
            value = String.valueOf(annotation.annotationType().getMethod("value").invoke(annotation));
        } catch (ReflectiveOperationException none) {
            value = "";
        }
        return "@" + annotation.annotationType().getSimpleName() + (value.isEmpty() ? "" : "(" + value + ")");
    }

    /**
     * The project's records and enums a type names, itself or as a type argument, to describe in their turn. Those Json
     * writes as text (a package name, an integrity) are described too, which errs on the side of a bump.
     */
    private static void enqueueOwnTypes(Type type, Deque<Class<?>> pending) {
        if (type instanceof ParameterizedType parameterized) {
            enqueueOwnTypes(parameterized.getRawType(), pending);
            for (Type argument : parameterized.getActualTypeArguments()) {
                enqueueOwnTypes(argument, pending);
            }
        } else if (type instanceof Class<?> named && named.getName().startsWith("io.prompd.")
                && (named.isRecord() || named.isEnum())) {
            pending.addLast(named);
        }
    }
}
