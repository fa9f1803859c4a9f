package org.modelregistry.domain.document;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Wire spellings of enums: their names unless the enum defines its own values. */
final class Wire {

  private Wire() {}

  static <E extends Enum<E>> Function<String, E> byName(Class<E> type) {
    return text -> Enum.valueOf(type, text);
  }

  static <E extends Enum<E>> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
