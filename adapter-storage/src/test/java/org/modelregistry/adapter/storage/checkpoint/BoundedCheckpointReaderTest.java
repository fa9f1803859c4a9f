package org.modelregistry.adapter.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.adapter.storage.local.LocalArtifactStore;
import org.modelregistry.application.spec.DeriveModelSpecService;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.ports.out.ReadableFiles;

/**
 * Spec derivation end to end on the real local store: checkpoint files the test writes itself, with
 * known shapes, and hostile ones.
 */
class BoundedCheckpointReaderTest {

  private static final FilePath FOLDER = new FilePath("filesets/ws/llama");

  private static final String CONFIG =
      """
      {"model_type": "llama", "num_hidden_layers": 2, "hidden_size": 4,
       "num_attention_heads": 2, "num_key_value_heads": 1, "intermediate_size": 8,
       "vocab_size": 3, "max_position_embeddings": 128, "tie_word_embeddings": false,
       "torch_dtype": "bfloat16"}
      """;

  private static final String TOKENIZER =
      """
      {"chat_template": "{% for m in messages %}{{ m.content }}{% endfor %}"}
      """;

  /** Two tensors: F32 [4, 3] (12 parameters, 48 bytes) and BF16 [3] (3 parameters, 6 bytes). */
  private static final String HEADER =
      """
      {"model.embed_tokens.weight": {"dtype": "F32", "shape": [4, 3], "data_offsets": [0, 48]},
       "model.norm.weight": {"dtype": "BF16", "shape": [3], "data_offsets": [48, 54]},
       "__metadata__": {"format": "pt"}}
      """;

  @TempDir Path root;
  private LocalArtifactStore store;
  private DeriveModelSpecService derive;

  @BeforeEach
  void open() {
    store = new LocalArtifactStore(root);
    derive = new DeriveModelSpecService(new BoundedCheckpointReader());
  }

  @Test
  void givenARealCheckpoint_derive_readsConfigTokenizerAndTheExactParameterCount() {
    put("config.json", CONFIG.getBytes(StandardCharsets.UTF_8));
    put("tokenizer_config.json", TOKENIZER.getBytes(StandardCharsets.UTF_8));
    put("model-00001-of-00002.safetensors", safetensors(HEADER, 54));
    put("model-00002-of-00002.safetensors", safetensors(HEADER, 54));
    put("README.md", "not read".getBytes(StandardCharsets.UTF_8));

    ModelSpec spec =
        derive.derive(
            "llama-tiny",
            ReadableFiles.in(store, FOLDER),
            files(
                "config.json",
                "tokenizer_config.json",
                "model-00001-of-00002.safetensors",
                "model-00002-of-00002.safetensors",
                "README.md"));

    assertThat(spec.baseNumParameters()).isEqualTo(30L);
    assertThat(spec.family()).isEqualTo("llama");
    assertThat(spec.numLayers()).isEqualTo(2);
    assertThat(spec.numKvHeads()).isEqualTo(1);
    assertThat(spec.precision()).isEqualTo("bfloat16");
    assertThat(spec.isChat()).isTrue();
  }

  @Test
  void givenAHeaderLengthLargerThanTheFile_derive_refusesBeforeReadingIt() {
    byte[] file = safetensors(HEADER, 54);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
    put("model.safetensors", file);

    assertThat(violationsOf("model.safetensors"))
        .extracting(Violation::path)
        .containsExactly(List.of("files", "model.safetensors", "header_length"));
  }

  @Test
  void givenANegativeHeaderLength_derive_refusesIt() {
    byte[] file = safetensors(HEADER, 54);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -5);
    put("model.safetensors", file);

    assertThat(violationsOf("model.safetensors"))
        .extracting(Violation::path)
        .containsExactly(List.of("files", "model.safetensors", "header_length"));
  }

  @Test
  void givenAHeaderThatIsNotJson_derive_namesTheFile() {
    put("model.safetensors", safetensors("{not json at all", 0));

    assertThat(violationsOf("model.safetensors"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo(List.of("files", "model.safetensors"));
              assertThat(v.type()).isEqualTo("json_invalid");
            });
  }

  @Test
  void givenAFileShorterThanTheLengthPrefix_derive_refusesIt() {
    put("model.safetensors", new byte[] {1, 2, 3});

    assertThat(violationsOf("model.safetensors"))
        .extracting(Violation::path)
        .containsExactly(List.of("files", "model.safetensors", "header_length"));
  }

  @Test
  void givenAbsurdShapes_derive_refusesThemWithoutOverflowing() {
    String absurd =
        """
        {"w": {"dtype": "F32", "shape": [9223372036854775807, 4], "data_offsets": [0, 16]}}
        """;
    put("model.safetensors", safetensors(absurd, 16));

    assertThat(violationsOf("model.safetensors"))
        .allSatisfy(v -> assertThat(v.path()).startsWith("files", "model.safetensors", "w"));
  }

  @Test
  void givenAConfigOverTheLimit_derive_refusesItUnread() {
    byte[] huge = new byte[(int) DeriveModelSpecService.MAX_JSON_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    put("config.json", huge);

    assertThat(violationsOf("config.json"))
        .singleElement()
        .satisfies(v -> assertThat(v.type()).isEqualTo("file_too_large"));
  }

  @Test
  void givenAConfigWithDuplicateKeysOrWrongTypes_derive_namesTheKeys() {
    put("config.json", "{\"hidden_size\": 4, \"hidden_size\": 5}".getBytes(StandardCharsets.UTF_8));
    assertThat(violationsOf("config.json"))
        .singleElement()
        .extracting(Violation::type)
        .isEqualTo("json_invalid");

    put(
        "config.json",
        "{\"hidden_size\": \"big\", \"num_hidden_layers\": -1}".getBytes(StandardCharsets.UTF_8));
    assertThat(violationsOf("config.json"))
        .extracting(v -> v.path().getLast())
        .contains("hidden_size", "num_hidden_layers");
  }

  // --- helpers

  private List<Violation> violationsOf(String file) {
    try {
      derive.derive("m", ReadableFiles.in(store, FOLDER), files(file));
    } catch (ValidationException e) {
      return e.violations();
    }
    throw new AssertionError("expected a ValidationException for " + file);
  }

  private void put(String name, byte[] bytes) {
    store.write(new FilePath(name).under(FOLDER), new ByteArrayInputStream(bytes), bytes.length);
  }

  private static List<FilePath> files(String... names) {
    return java.util.Arrays.stream(names).map(FilePath::new).toList();
  }

  /** A safetensors file: little-endian header length, the header, then {@code dataBytes} zeros. */
  private static byte[] safetensors(String header, int dataBytes) {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    var out = new ByteArrayOutputStream();
    out.writeBytes(
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
    out.writeBytes(json);
    out.writeBytes(new byte[dataBytes]);
    return out.toByteArray();
  }
}
