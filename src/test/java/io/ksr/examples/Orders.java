package io.ksr.examples;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Orders to feed the example job with. */
final class Orders {
  private Orders() {}

  /** An order of {@code quantity} times one item at {@code unitPriceCents}, and one more item. */
  static GenericRecord order(
      final String id, final String customer, final int quantity, final long unitPriceCents) {
    final Schema lineSchema = OrderSummaries.ORDER.getField("lines").schema().getElementType();
    final GenericRecord line = new GenericData.Record(lineSchema);
    line.put("sku", "sku-1");
    line.put("quantity", quantity);
    line.put("unitPriceCents", unitPriceCents);
    final GenericRecord extra = new GenericData.Record(lineSchema);
    extra.put("sku", "sku-2");
    extra.put("quantity", 1);
    extra.put("unitPriceCents", 100L);
    final GenericRecord order = new GenericData.Record(OrderSummaries.ORDER);
    order.put("id", id);
    order.put("customer", customer);
    order.put("lines", List.of(line, extra));
    return order;
  }
}
