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
