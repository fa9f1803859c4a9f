package org.modelregistry.embedding;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding example is copied from {@link EmbeddedRegistryTest}; this keeps the copy
 * from drifting away from code that compiles and runs. Indentation and blank lines may differ.
 */
class ReadmeExampleTest {

  private static final String SECTION = "## Embedding the registry as a library";

  @Test
  void givenReadme_embeddingSection_everyJavaBlockIsInEmbeddedRegistryTest() throws IOException {
    String test =
        normalized(
            Files.readString(
                Path.of("src/test/java/org/modelregistry/embedding/EmbeddedRegistryTest.java")));

    List<String> blocks = javaBlocksOfSection(Files.readString(Path.of("..", "README.md")));

    assertThat(blocks).hasSize(4);
    assertThat(blocks).allSatisfy(block -> assertThat(test).contains(normalized(block)));
  }

  private static List<String> javaBlocksOfSection(String readme) {
    int start = readme.indexOf(SECTION);
    assertThat(start).as("README section '%s'", SECTION).isNotNegative();
    int end = readme.indexOf("\n## ", start + SECTION.length());
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  private static String normalized(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(joining("\n"));
  }
}
