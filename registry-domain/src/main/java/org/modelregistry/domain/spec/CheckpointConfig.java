package org.modelregistry.domain.spec;

import java.util.Locale;
import java.util.Map;
import org.modelregistry.domain.document.DocumentReader;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;

/**
 * The architecture facts a checkpoint's {@code config.json} (Hugging Face format) states, each
 * optional but validated when present. Violation paths name the {@code config.json} key, not the
 * Java field, since that is what the uploader can fix.
 *
 * @param family {@code model_type}, e.g. {@code llama}
 * @param numLayers {@code num_hidden_layers}
 * @param hiddenSize {@code hidden_size}
 * @param numAttentionHeads {@code num_attention_heads}
 * @param numKvHeads {@code num_key_value_heads}, defaulting to {@code num_attention_heads}
 * @param ffnHiddenSize {@code intermediate_size}
 * @param vocabSize {@code vocab_size}
 * @param contextSize {@code max_position_embeddings}
 * @param tiedEmbeddings {@code tie_word_embeddings}, default false
 * @param precision {@code torch_dtype} (or the newer {@code dtype}) in the reference's spelling:
 *     {@code float16}, {@code bfloat16}, {@code float32}, {@code float64}, {@code int8}; null when
 *     absent or {@code auto}
 */
public record CheckpointConfig(
    String family,
    Integer numLayers,
    Integer hiddenSize,
    Integer numAttentionHeads,
    Integer numKvHeads,
    Integer ffnHiddenSize,
    Integer vocabSize,
    Integer contextSize,
    boolean tiedEmbeddings,
    String precision) {

  public static final String MODEL_TYPE = "model_type";
  public static final String NUM_HIDDEN_LAYERS = "num_hidden_layers";
  public static final String HIDDEN_SIZE = "hidden_size";
  public static final String NUM_ATTENTION_HEADS = "num_attention_heads";
  public static final String NUM_KEY_VALUE_HEADS = "num_key_value_heads";
  public static final String INTERMEDIATE_SIZE = "intermediate_size";
  public static final String VOCAB_SIZE = "vocab_size";
  public static final String MAX_POSITION_EMBEDDINGS = "max_position_embeddings";
  public static final String TIE_WORD_EMBEDDINGS = "tie_word_embeddings";
  public static final String TORCH_DTYPE = "torch_dtype";
  public static final String DTYPE = "dtype";

  /** Upper bound for layer counts. */
  public static final int MAX_LAYERS = 10_000;

  /** Upper bound for hidden, FFN and vocabulary sizes. */
  public static final int MAX_SIZE = 10_000_000;

  /** Upper bound for head counts. */
  public static final int MAX_HEADS = 100_000;

  /** Upper bound for the context window (long-context models reach ~10^7 tokens). */
  public static final int MAX_CONTEXT = 1_000_000_000;

  /** Upper bound for the length of {@code model_type}. */
  public static final int MAX_FAMILY_LENGTH = 255;

  public CheckpointConfig {
    numKvHeads = numKvHeads == null ? numAttentionHeads : numKvHeads;
    var violations = Violations.collect();
    if (family != null) {
      violations.require(
          !family.isBlank(), "string_too_short", "model_type must not be blank", MODEL_TYPE);
      violations.require(
          family.length() <= MAX_FAMILY_LENGTH,
          "string_too_long",
          "model_type must have at most " + MAX_FAMILY_LENGTH + " characters",
          MODEL_TYPE);
    }
    bounded(violations, numLayers, MAX_LAYERS, NUM_HIDDEN_LAYERS);
    bounded(violations, hiddenSize, MAX_SIZE, HIDDEN_SIZE);
    bounded(violations, numAttentionHeads, MAX_HEADS, NUM_ATTENTION_HEADS);
    bounded(violations, numKvHeads, MAX_HEADS, NUM_KEY_VALUE_HEADS);
    bounded(violations, ffnHiddenSize, MAX_SIZE, INTERMEDIATE_SIZE);
    bounded(violations, vocabSize, MAX_SIZE, VOCAB_SIZE);
    bounded(violations, contextSize, MAX_CONTEXT, MAX_POSITION_EMBEDDINGS);
    if (violations.isEmpty() && numKvHeads != null && numAttentionHeads != null) {
      violations.require(
          numKvHeads <= numAttentionHeads,
          "less_than_equal",
          "num_key_value_heads must not exceed num_attention_heads (" + numAttentionHeads + ")",
          NUM_KEY_VALUE_HEADS);
    }
    violations.throwIfAny();
  }

  /**
   * Reads a parsed {@code config.json}; keys it does not know are ignored, since configs carry many
   * architecture-specific extras.
   *
   * @param document the parsed file, numbers as {@code DocumentNumbers} defines them; null reads as
   *     an empty config
   * @throws ValidationException listing every wrong-typed or out-of-range value at its key
   */
  public static CheckpointConfig from(Map<String, Object> document) {
    var violations = Violations.collect();
    var reader = new DocumentReader(document, violations);
    String family = reader.string(MODEL_TYPE);
    Integer numLayers = reader.integer(NUM_HIDDEN_LAYERS);
    Integer hiddenSize = reader.integer(HIDDEN_SIZE);
    Integer heads = reader.integer(NUM_ATTENTION_HEADS);
    Integer kvHeads = reader.integer(NUM_KEY_VALUE_HEADS);
    Integer ffn = reader.integer(INTERMEDIATE_SIZE);
    Integer vocab = reader.integer(VOCAB_SIZE);
    Integer context = reader.integer(MAX_POSITION_EMBEDDINGS);
    Boolean tied = reader.bool(TIE_WORD_EMBEDDINGS);
    String dtypeKey = reader.has(TORCH_DTYPE) ? TORCH_DTYPE : DTYPE;
    String precision = precision(reader.string(dtypeKey), dtypeKey, violations);
    // Constructor violations join the type violations, so one failure lists them all.
    CheckpointConfig config =
        violations.attempt(
            () ->
                new CheckpointConfig(
                    family,
                    numLayers,
                    hiddenSize,
                    heads,
                    kvHeads,
                    ffn,
                    vocab,
                    context,
                    Boolean.TRUE.equals(tied),
                    precision));
    violations.throwIfAny();
    return config;
  }

  /**
   * The reference's precision spelling for a {@code torch_dtype} value ({@code torch.} prefix and
   * short aliases accepted); null for null or {@code auto}.
   */
  static String precision(String dtype, String key, Violations violations) {
    if (dtype == null) {
      return null;
    }
    String name = dtype.strip().toLowerCase(Locale.ROOT);
    name = name.startsWith("torch.") ? name.substring("torch.".length()) : name;
    return switch (name) {
      case "auto" -> null;
      case "float16", "fp16", "half" -> "float16";
      case "bfloat16", "bf16" -> "bfloat16";
      case "float32", "fp32", "float" -> "float32";
      case "float64", "fp64", "double" -> "float64";
      case "int8" -> "int8";
      default -> {
        violations.add(
            "enum", key + " must be one of float16, bfloat16, float32, float64, int8, auto", key);
        yield null;
      }
    };
  }

  private static void bounded(Violations violations, Integer value, int max, String key) {
    if (value == null) {
      return;
    }
    if (value <= 0) {
      violations.add("greater_than", key + " must be positive, not " + value, key);
    } else if (value > max) {
      violations.add("less_than_equal", key + " must be at most " + max + ", not " + value, key);
    }
  }
}
