package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.storage.fetch.TestDns.address;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockedAddressesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0.0.0          | an unspecified address (0.0.0.0/8)",
        "0.255.255.255    | an unspecified address (0.0.0.0/8)",
        "127.0.0.1        | a loopback address",
        "127.255.255.254  | a loopback address",
        "10.0.0.1         | a private address",
        "172.16.0.1       | a private address",
        "172.31.255.255   | a private address",
        "192.168.0.1      | a private address",
        "169.254.169.254  | a cloud metadata address",
        "169.254.0.1      | a link-local address",
        "100.64.0.1       | a shared carrier-grade NAT address (100.64.0.0/10)",
        "100.127.255.255  | a shared carrier-grade NAT address (100.64.0.0/10)",
        "192.0.0.192      | a special-purpose address (192.0.0.0/24)",
        "198.18.0.1       | a benchmarking address (198.18.0.0/15)",
        "224.0.0.1        | a multicast address",
        "239.255.255.255  | a multicast address",
        "240.0.0.1        | a reserved or broadcast address",
        "255.255.255.255  | a reserved or broadcast address",
        "::               | an unspecified address (::)",
        "::1              | a loopback address",
        "::ffff:127.0.0.1 | a loopback address",
        "::7f00:1         | an IPv4-compatible form of a loopback address",
        "64:ff9b::a9fe:a9fe | a NAT64 form of a cloud metadata address",
        "64:ff9b:1::1     | a local-use NAT64 address (64:ff9b::/32)",
        "2002:a00:1::     | a 6to4 form of a private address",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | a Teredo tunnel address (2001::/32)",
        "fd00:ec2::254    | a cloud metadata address",
        "fc00::1          | a private (unique local) address",
        "fdff::1          | a private (unique local) address",
        "fe80::1          | a link-local address",
        "febf::1          | a link-local address",
        "fec0::1          | a site-local address",
        "ff02::1          | a multicast address",
      })
  void givenABlockedAddress_kindOf_namesItsRange(String literal, String kind) {
    assertThat(BlockedAddresses.kindOf(address(literal))).hasValue(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "93.184.216.34",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "169.253.255.255",
        "192.0.1.1",
        "192.169.0.1",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2a00:1450:4001::200e",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::"
      })
  void givenAPublicAddress_kindOf_isEmpty(String literal) {
    assertThat(BlockedAddresses.kindOf(address(literal))).isEmpty();
  }
}
