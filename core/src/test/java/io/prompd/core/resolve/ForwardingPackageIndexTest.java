package io.prompd.core.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of {@link PackageIndex}, one added later included, is forwarded by {@link ForwardingPackageIndex}:
 * asked once of the wrapped index with the same arguments, its answer returned as it is. An interface's default
 * answer, kept by a view that does not forward the method, fails here.
 */
class ForwardingPackageIndexTest {

    private static final PackageName NAME = PackageName.parse("@a/x");

    /** An argument for each parameter type of the interface's methods. */
    private static final Map<Class<?>, Object> ARGUMENTS = Map.of(
            PackageName.class, NAME,
            VersionRange.class, VersionRange.parse("^1.0.0"),
            Collection.class, List.of(NAME),
            SortedMap.class, new TreeMap<>(Map.of(NAME, VersionRange.parse("^1.0.0"))));

    /** The wrapped index's answer for each return type, none of them an answer the interface's defaults give. */
    private static final Map<Class<?>, Object> ANSWERS = Map.of(
            List.class, List.of(NAME),
            Optional.class, Optional.of(Version.parse("1.0.0")),
            boolean.class, true,
            String.class, "the wrapped index's answer",
            Takedowns.class, new Takedowns(new TreeMap<>(Map.of(Version.parse("1.0.0"), "a key")), false),
            NameSuggestions.class, NameSuggestions.unreadable("the wrapped index's reason"));

    private record Call(Method method, List<Object> arguments) {
    }

    static Stream<Method> interfaceMethods() {
        return Arrays.stream(PackageIndex.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .sorted(Comparator.comparing(Method::toGenericString));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interfaceMethods")
    void forwardsTheMethodToTheWrappedIndex(Method method) throws ReflectiveOperationException {
        List<Call> calls = new ArrayList<>();
        PackageIndex wrapped = (PackageIndex) Proxy.newProxyInstance(PackageIndex.class.getClassLoader(),
                new Class<?>[] {PackageIndex.class}, (proxy, called, arguments) -> {
                    calls.add(new Call(called, List.of(arguments == null ? new Object[0] : arguments)));
                    return called.getReturnType() == void.class ? null : ANSWERS.get(called.getReturnType());
                });
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(type -> {
            assertTrue(ARGUMENTS.containsKey(type),
                    () -> "add an argument of type " + type.getName() + " for " + method);
            return ARGUMENTS.get(type);
        }).toArray();
        assertTrue(method.getReturnType() == void.class || ANSWERS.containsKey(method.getReturnType()),
                () -> "add an answer of type " + method.getReturnType().getName() + " for " + method);

        Object answer = method.invoke(new ForwardingPackageIndex(wrapped) { }, arguments);

        assertEquals(List.of(new Call(method, List.of(arguments))), calls,
                () -> ForwardingPackageIndex.class.getSimpleName() + " must forward " + method
                        + " to the index it wraps");
        assertEquals(method.getReturnType() == void.class ? null : ANSWERS.get(method.getReturnType()), answer);
    }
}
