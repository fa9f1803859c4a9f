package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container recipe stays true to the build (no Docker daemon here to build it): what it copies
 * exists, runs as nobody privileged, and keeps its data on the volume.
 */
class DockerfileTest {

  private static final Path ROOT = Path.of("..");

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file));
  }

  @Test
  void dockerfile_buildsInOneStageAndRunsTheShadedJarInAnother() throws IOException {
    String dockerfile = read("Dockerfile");
    String appPom = read("app/pom.xml");

    assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).isEqualTo(2);
    assertThat(appPom).contains("<finalName>model-registry</finalName>");
    assertThat(dockerfile)
        .contains("cp app/target/model-registry.jar ")
        .contains("COPY --from=build ")
        .contains("\"-jar\", \"/opt/model-registry/model-registry.jar\"]");
  }

  @Test
  void dockerfile_runsAsAnUnprivilegedUserWithItsDataOnTheVolume() throws IOException {
    String dockerfile = read("Dockerfile");

    Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
    assertThat(dockerfile)
        .contains("REGISTRY_DATA_DIR=/data")
        .contains("VOLUME [\"/data\"]")
        .contains("chown registry:registry /data")
        .contains("REGISTRY_PORT=8080")
        .contains("EXPOSE 8080")
        // exec form, so that the JVM itself receives SIGTERM and stops gracefully
        .containsPattern("(?m)^ENTRYPOINT \\[");
  }

  @Test
  void dockerignore_keepsEveryModuleOfTheBuild() throws IOException {
    List<String> ignored =
        read(".dockerignore").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<String> modules =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(read("pom.xml"))
            .results()
            .map(m -> m.group(1))
            .toList();

    assertThat(modules).isNotEmpty();
    for (String module : modules) {
      assertThat(ignored).doesNotContain(module, module + "/", "/" + module, "/" + module + "/");
    }
    assertThat(ignored).contains("**/target/");
  }
}
