package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Each operation of the Serde benchmark once, so that the harness keeps measuring real work. */
class SerdeBenchmarkSmokeTest {
  @Test
  void shouldEncodeAndDecodeTheSameRecordBothWays() {
    final SerdeBenchmark benchmark = new SerdeBenchmark();
    benchmark.setUp();
    try {
      final byte[] plain = benchmark.plainEncode();
      final byte[] wire = benchmark.serialize();

      assertArrayEquals(plain, Arrays.copyOfRange(wire, 5, wire.length));
      assertEquals(benchmark.plainDecode(), benchmark.deserialize());
      assertEquals(
          "customer-42", ((GenericRecord) benchmark.deserialize()).get("customer").toString());
    } finally {
      benchmark.tearDown();
    }
  }
}
