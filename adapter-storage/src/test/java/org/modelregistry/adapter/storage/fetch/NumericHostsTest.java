package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericHostsTest {

  @ParameterizedTest
  @CsvSource({
    "2130706433, 127.0.0.1",
    "0x7f000001, 127.0.0.1",
    "0X7F000001, 127.0.0.1",
    "0177.0.0.1, 127.0.0.1",
    "0177.1, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.1, 127.0.0.1",
    "0x7f.0.0.1, 127.0.0.1",
    "127.0.0.1., 127.0.0.1",
    "017700000001, 127.0.0.1",
    "0, 0.0.0.0",
    "0x, 0.0.0.0",
    "10.0x100, 10.0.1.0"
  })
  void givenAnotherNumericForm_inetAton_readsItAsTheCLibraryDoes(String host, String address) {
    assertThat(NumericHosts.inetAton(host).map(InetAddress::getHostAddress)).hasValue(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2130706433", "0x7f000001", "0177.0.0.1", "127.1", "1.2.3.4.5", "08.0.0.1", "a.1"})
  void givenANumericHostInAnotherForm_nonStandardForm_refusesIt(String host) {
    assertThat(NumericHosts.nonStandardForm(host))
        .hasValueSatisfying(reason -> assertThat(reason).contains("non-standard form"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1", "8.8.8.8", "storage.example", "1x.example", "a1", "0x7f.example"})
  void givenAPlainAddressOrAName_nonStandardForm_isEmpty(String host) {
    assertThat(NumericHosts.nonStandardForm(host)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3.4.5", "08.0.0.1", "256.0.0.1", "1.2.3.0x1000000", "99999999999"})
  void givenAnInvalidNumericHost_inetAton_isEmpty(String host) {
    assertThat(NumericHosts.inetAton(host)).isEmpty();
  }
}
