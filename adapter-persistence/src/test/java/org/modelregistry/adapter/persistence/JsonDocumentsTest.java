package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.document.DocumentNumbers;
import org.modelregistry.domain.testdata.TestNumbers;

class JsonDocumentsTest {

  private final JsonDocuments json = new JsonDocuments();

  @Test
  void givenNumbersOfEveryRange_writeThenRead_returnsTheSameTypesAndValues() {
    var document = new LinkedHashMap<String, Object>();
    document.put("int", 7);
    document.put("min_int", Integer.MIN_VALUE);
    document.put("long", 1L + Integer.MAX_VALUE);
    document.put("big_int", BigInteger.TWO.pow(70));
    document.put("decimal", new BigDecimal("0.1"));
    document.put("scale", new BigDecimal("2.500"));
    document.put("exponent", new BigDecimal("-1.5E-40"));

    Map<String, Object> read = json.read(json.write(document));

    assertThat(read).isEqualTo(document);
    assertThat(read.get("int")).isInstanceOf(Integer.class);
    assertThat(read.get("long")).isInstanceOf(Long.class);
    assertThat(read.get("big_int")).isInstanceOf(BigInteger.class);
    assertThat(read.get("scale")).isInstanceOf(BigDecimal.class).hasToString("2.500");
  }

  @Test
  void givenTheNumbersAClientSends_read_returnsTheSameDocumentTheHttpAdapterReads() {
    assertThat(json.read(TestNumbers.PARAMETERS_JSON)).isEqualTo(TestNumbers.parameters());
  }

  @Test
  void givenTheNumbersInThePolicysTypes_writeThenRead_returnsThemUnchanged() {
    String stored = json.write(TestNumbers.parameters());

    assertThat(json.read(stored)).isEqualTo(TestNumbers.parameters());
    assertThat(stored).contains("\"beyond_double\":1E+400", "\"scaled\":1.50", "\"tenth\":0.1");
  }

  @Test
  void givenJavaNumbersOutsideThePolicy_writeThenRead_returnsTheirPolicyForm() {
    var document = new LinkedHashMap<String, Object>();
    document.put("double", 1.5d);
    document.put("float", 0.1f);
    document.put("short", (short) 3);
    document.put("small_long", 5L);
    document.put("small_big_int", BigInteger.valueOf(6));
    document.put("nested", List.of(Map.of("tenth", 0.1d)));

    Map<String, Object> read = json.read(json.write(document));

    assertThat(read)
        .isEqualTo(DocumentNumbers.normalizeDocument(document))
        .containsEntry("double", new BigDecimal("1.5"))
        .containsEntry("float", new BigDecimal("0.1"))
        .containsEntry("short", 3)
        .containsEntry("small_long", 5)
        .containsEntry("small_big_int", 6)
        .containsEntry("nested", List.of(Map.of("tenth", new BigDecimal("0.1"))));
  }

  @Test
  void givenANumberJsonCannotHold_write_isRefusedInsteadOfStoringText() {
    assertThatThrownBy(() -> json.write(Map.of("rate", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNullsAndNesting_writeThenRead_keepsThemAndTheKeyOrder() {
    var nested = new ArrayList<Object>();
    nested.add(null);
    nested.add(Map.of("k", true));
    var document = new LinkedHashMap<String, Object>();
    document.put("z", null);
    document.put("a", nested);
    document.put("m", "text");

    Map<String, Object> read = json.read(json.write(document));

    assertThat(read).isEqualTo(document);
    assertThat(read.keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void givenReadDocument_changingIt_isRefusedAllTheWayDown() {
    Map<String, Object> read = json.read("{\"list\":[1,{\"k\":2}]}");

    assertThatThrownBy(() -> read.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) read.get("list");
    assertThatThrownBy(() -> list.add(3)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) list.get(1);
    assertThatThrownBy(() -> inner.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenNull_writeAndRead_returnNull() {
    assertThat(json.write(null)).isNull();
    assertThat(json.read(null)).isNull();
  }

  @Test
  void givenTextThatIsNoJsonObject_read_throwsIllegalArgument() {
    assertThatThrownBy(() -> json.read("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> json.read("{broken")).isInstanceOf(IllegalArgumentException.class);
  }
}
