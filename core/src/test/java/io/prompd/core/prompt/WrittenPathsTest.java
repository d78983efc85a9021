package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrittenPathsTest {

    @ParameterizedTest
    @CsvSource({
        "prompts/x.prmd, prompts/x.prmd", "nothere/../prompts/x.prmd, prompts/x.prmd",
        "./prompts/x.prmd, prompts/x.prmd",
        "prompts//x.prmd, prompts/x.prmd", "prompts/x.prmd/, prompts/x.prmd", "./../a//b.md, ../a/b.md",
        "a/../../b/.., ..", "a/.., ''", "., ''"})
    void theNormalFormResolvesTheTextAlone(String path, String normal) {
        assertEquals(normal, WrittenPaths.normalForm(path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "prompts/x.prmd | false | \"\"", "./x.md | false | '.'", "a/../x.md | false | '..'", "a//x.md | false | '//'",
        "a/x/ | false | a final '/'", "./x.md | true | \"\"", "../../x.md | true | \"\"", "./../x.md | true | '..'",
        "../a/../x.md | true | '..'", "../a/./x.md | true | '.'", "..//x.md | true | '//'",
        "x.md/ | true | a final '/'"})
    void whatKeepsAPathFromItsNormalFormIsNamed(String path, boolean fromFolder, String off) {
        assertEquals(off.isEmpty() ? Optional.empty() : Optional.of(off), WrittenPaths.offNormal(path, fromFolder));
    }
}
