package org.modelregistry.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.error.Violations;

class DocumentReaderTest {

  @Test
  void givenNumbersInTheirDocumentForms_longValue_readsTheIntegralOnesAndRecordsTheOthers() {
    var document = new LinkedHashMap<String, Object>();
    document.put("int", 7);
    document.put("long", 3_000_000_000L);
    document.put("whole_decimal", new BigDecimal("2.0"));
    document.put("exponent", new BigDecimal("1E+2"));
    document.put("fraction", new BigDecimal("1.5"));
    document.put("beyond_long", new BigInteger("92233720368547758070"));
    document.put("beyond_double", new BigDecimal("1E+400"));
    document.put("text", "7");
    var violations = Violations.collect();
    var reader = new DocumentReader(document, violations);

    assertThat(reader.longValue("int")).isEqualTo(7L);
    assertThat(reader.longValue("long")).isEqualTo(3_000_000_000L);
    assertThat(reader.longValue("whole_decimal")).isEqualTo(2L);
    assertThat(reader.longValue("exponent")).isEqualTo(100L);
    assertThat(reader.longValue("absent")).isNull();
    assertThat(reader.longValue("fraction")).isNull();
    assertThat(reader.longValue("beyond_long")).isNull();
    assertThat(reader.longValue("beyond_double")).isNull();
    assertThat(reader.longValue("text")).isNull();
    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            tuple(List.of("fraction"), "int_type"),
            tuple(List.of("beyond_long"), "int_type"),
            tuple(List.of("beyond_double"), "int_type"),
            tuple(List.of("text"), "int_type"));
  }

  @Test
  void givenAnIntegerBeyondInt_integer_recordsItAsOutOfRange() {
    var violations = Violations.collect();
    var reader = new DocumentReader(Map.of("cpus", 3_000_000_000L), violations);

    assertThat(reader.integer("cpus")).isNull();
    assertThat(violations.list()).extracting(Violation::type).containsExactly("int_range");
  }
}
