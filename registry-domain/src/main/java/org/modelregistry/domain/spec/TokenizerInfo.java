package org.modelregistry.domain.spec;

import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;

/**
 * What a checkpoint's {@code tokenizer_config.json} says about chat: its chat template (Jinja2
 * text) and hence whether the model is a chat model.
 *
 * @param chatTemplate the template, or null when there is none; maps to the reference's {@code
 *     chat_template}
 * @param isChat whether a template is present; maps to the reference's {@code is_chat}
 */
public record TokenizerInfo(String chatTemplate, boolean isChat) {

  public static final String CHAT_TEMPLATE = "chat_template";

  /** The longest template accepted, in characters (1 MiB). */
  public static final int MAX_TEMPLATE_LENGTH = 1024 * 1024;

  /** The name of the template a list of named templates uses by default. */
  public static final String DEFAULT_TEMPLATE_NAME = "default";

  public TokenizerInfo {
    if (chatTemplate != null && chatTemplate.length() > MAX_TEMPLATE_LENGTH) {
      throw ValidationException.of(
          "chat_template must have at most " + MAX_TEMPLATE_LENGTH + " characters",
          "string_too_long",
          CHAT_TEMPLATE);
    }
    isChat = chatTemplate != null;
  }

  /** A tokenizer without a chat template. */
  public static TokenizerInfo none() {
    return new TokenizerInfo(null, false);
  }

  /**
   * Reads a parsed {@code tokenizer_config.json}. {@code chat_template} is either a string or a
   * list of {@code {name, template}} objects, of which the one named {@code default} is kept (the
   * first when none is named so); other keys are ignored.
   *
   * @param document the parsed file; null reads as a tokenizer without a template
   * @throws ValidationException at {@code chat_template} (and below it) when it has another shape
   *     or is too long
   */
  public static TokenizerInfo from(Map<String, Object> document) {
    Object value = document == null ? null : document.get(CHAT_TEMPLATE);
    return switch (value) {
      case null -> none();
      case String template -> new TokenizerInfo(template, true);
      case List<?> named -> new TokenizerInfo(chooseNamed(named), true);
      default ->
          throw ValidationException.of(
              "chat_template must be a string or a list of {name, template} objects",
              "value_error",
              CHAT_TEMPLATE);
    };
  }

  private static String chooseNamed(List<?> named) {
    var violations = Violations.collect();
    String first = null;
    String chosen = null;
    for (int i = 0; i < named.size(); i++) {
      var at = violations.at(CHAT_TEMPLATE, i);
      if (!(named.get(i) instanceof Map<?, ?> entry)) {
        at.add("dict_type", "chat_template items must be {name, template} objects");
        continue;
      }
      if (!(entry.get("name") instanceof String name)) {
        at.add("string_type", "a named chat template needs a string name", "name");
        continue;
      }
      if (!(entry.get("template") instanceof String template)) {
        at.add("string_type", "a named chat template needs a string template", "template");
        continue;
      }
      if (template.length() > MAX_TEMPLATE_LENGTH) {
        at.add(
            "string_too_long",
            "chat_template must have at most " + MAX_TEMPLATE_LENGTH + " characters",
            "template");
        continue;
      }
      first = first == null ? template : first;
      chosen = chosen == null && name.equals(DEFAULT_TEMPLATE_NAME) ? template : chosen;
    }
    violations.require(
        !named.isEmpty(), "too_short", "chat_template must not be an empty list", CHAT_TEMPLATE);
    violations.throwIfAny();
    return chosen != null ? chosen : first;
  }
}
