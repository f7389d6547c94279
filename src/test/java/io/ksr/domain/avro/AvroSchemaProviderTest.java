package io.ksr.domain.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityChecker;
import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Avro normal form, references to other subjects, and compatibility across references. */
class AvroSchemaProviderTest {
  private static final AvroSchemaProvider PROVIDER = new AvroSchemaProvider();

  private static final ResolvedReference ADDRESS =
      reference(
          "com.acme.Address",
          "address",
          1,
          "{'type':'record','name':'Address','namespace':'com.acme',"
              + "'fields':[{'name':'city','type':'string'}]}");
  private static final ResolvedReference CUSTOMER =
      reference(
          "com.acme.Customer",
          "customer",
          1,
          "{'type':'record','name':'Customer','namespace':'com.acme',"
              + "'fields':[{'name':'name','type':'string'},"
              + "{'name':'home','type':'com.acme.Address'}]}");

  @Test
  void shouldNormalizeSchemasThatDifferOnlyInKeyPropertyAndAliasOrderToTheSameText() {
    final ParsedSchema one =
        parse(
            "{'namespace':'com.acme','type':'record','name':'Order','doc':'',"
                + "'zeta':'z','alpha':{'y':1,'x':[{'b':1,'a':2}]},'aliases':['Old2','Old1'],"
                + "'fields':[{'type':'double','name':'amount','default':1,'p2':'p','p1':true},"
                + "{'name':'tags','aliases':['labels','keywords'],"
                + "'type':{'type':'array','items':'string','b':1,'a':2}}]}");
    final ParsedSchema other =
        parse(
            "{ 'fields' : [ {'name':'amount','p1':true,'type':'double','p2':'p','default':1.0},"
                + " {'type':{'a':2,'items':'string','type':'array','b':1},"
                + "'aliases':['keywords','labels'],'name':'tags'} ],"
                + " 'aliases':['com.acme.Old1','Old2'], 'alpha':{'x':[{'a':2,'b':1}],'y':1},"
                + " 'name':'com.acme.Order', 'type':'record', 'zeta':'z' }");

    assertNotEquals(one.canonicalString(), other.canonicalString());
    final String normal =
        json(
            "{'type':'record','name':'Order','namespace':'com.acme','fields':["
                + "{'name':'amount','type':'double','default':1.0,'p1':true,'p2':'p'},"
                + "{'name':'tags','type':{'type':'array','items':'string','a':2,'b':1},"
                + "'aliases':['keywords','labels']}],"
                + "'alpha':{'x':[{'a':2,'b':1}],'y':1},'zeta':'z','aliases':['Old1','Old2']}");
    assertEquals(normal, one.normalize().canonicalString());
    assertEquals(normal, other.normalize().canonicalString());
  }

  @Test
  void shouldPutARecognisedLogicalTypeFirstThenTheOtherPropertiesInKeyOrder() {
    final ParsedSchema decimal =
        parse("{'type':'bytes','scale':2,'precision':4,'logicalType':'decimal','b':1,'a':1}");
    final ParsedSchema unknown = parse("{'type':'string','logicalType':'other','a':1}");

    assertEquals(
        json("{'type':'bytes','logicalType':'decimal','precision':4,'scale':2,'a':1,'b':1}"),
        decimal.normalize().canonicalString());
    assertEquals(
        json("{'type':'string','a':1,'logicalType':'other'}"),
        unknown.normalize().canonicalString());
  }

  @Test
  void shouldKeepWhatChangesMeaning() {
    final ParsedSchema schema =
        parse(
            "{'type':'record','name':'R','doc':'a record','fields':["
                + "{'name':'z','type':['string','null'],'doc':'','order':'descending'},"
                + "{'name':'a','type':{'type':'enum','name':'E','symbols':['B','A'],"
                + "'default':'B','doc':''}}]}");

    assertEquals(
        json(
            "{'type':'record','name':'R','doc':'a record','fields':["
                + "{'name':'z','type':['string','null'],'doc':'','order':'descending'},"
                + "{'name':'a','type':{'type':'enum','name':'E','symbols':['B','A'],"
                + "'default':'B'}}]}"),
        schema.normalize().canonicalString());
  }

  @Test
  void shouldWriteDefaultsAsTheFieldTypeReadsThem() {
    final ParsedSchema schema =
        parse(
            "{'type':'record','name':'R','fields':["
                + "{'name':'d','type':'double','default':2},"
                + "{'name':'m','type':{'type':'map','values':'int'},'default':{'z':1,'a':2}},"
                + "{'name':'b','type':'bytes','default':'\\u00ff'},"
                + "{'name':'u','type':['null','int'],'default':null}]}");

    assertEquals(
        json(
            "{'type':'record','name':'R','fields':["
                + "{'name':'d','type':'double','default':2.0},"
                + "{'name':'m','type':{'type':'map','values':'int'},'default':{'a':2,'z':1}},"
                + "{'name':'b','type':'bytes','default':'\u00ff'},"
                + "{'name':'u','type':['null','int'],'default':null}]}"),
        schema.normalize().canonicalString());
  }

  @Test
  void shouldKeepANestedTypeOfTheNullNamespaceWhereItIs() {
    final ParsedSchema schema =
        parse(
            "{'type':'record','name':'O','namespace':'n','fields':[{'name':'x',"
                + "'type':{'type':'record','name':'I','namespace':'','fields':[]}}]}");

    assertEquals(schema.canonicalString(), schema.normalize().canonicalString());
  }

  @Test
  void shouldNormalizeOnceForAllAndStillCompareWithTheOriginal() {
    final ParsedSchema original =
        parse(
            "{'type':'record','name':'R','b':1,'a':2,'fields':["
                + "{'name':'x','type':'int','default':1,'aliases':['y','w']}]}");
    final ParsedSchema normal = original.normalize();

    assertEquals(normal.canonicalString(), normal.normalize().canonicalString());
    assertEquals(List.of(), normal.readProblems(original, true));
    assertEquals(List.of(), original.readProblems(normal, false));
    final ParsedSchema addsRequiredField =
        parse(
                "{'type':'record','name':'R','fields':[{'name':'x','type':'int'},"
                    + "{'name':'z','type':'int'}]}")
            .normalize();
    assertEquals(1, addsRequiredField.readProblems(normal, true).size());
  }

  @Test
  void shouldPrintAReferencedRecordByNameAndInlineItWhenResolved() {
    final ParsedSchema order = parse(orderReferencing("com.acme.Address"), ADDRESS);

    assertEquals(json(orderReferencing("com.acme.Address")), order.canonicalString());
    assertEquals(
        json(
            "{'type':'record','name':'Order','namespace':'com.shop','fields':[{'name':'to',"
                + "'type':{'type':'record','name':'Address','namespace':'com.acme',"
                + "'fields':[{'name':'city','type':'string'}]}}]}"),
        order.formatted(AvroSchemaProvider.RESOLVED_FORMAT));
    assertEquals(order.canonicalString(), order.formatted("unknown"));
  }

  @Test
  void shouldParseAChainOfReferencesGivenInDependencyOrder() {
    final ParsedSchema order = parse(orderReferencing("com.acme.Customer"), ADDRESS, CUSTOMER);

    assertEquals(json(orderReferencing("com.acme.Customer")), order.canonicalString());
    assertTrue(
        order
            .formatted(AvroSchemaProvider.RESOLVED_FORMAT)
            .contains(json("'fields':[{'name':'city','type':'string'}]")),
        order.formatted(AvroSchemaProvider.RESOLVED_FORMAT));
  }

  @Test
  void shouldAcceptTheSameReferenceListedTwice() {
    final ParsedSchema order =
        parse(orderReferencing("com.acme.Customer"), ADDRESS, CUSTOMER, ADDRESS);

    assertEquals(json(orderReferencing("com.acme.Customer")), order.canonicalString());
  }

  @Test
  void shouldPrintATypeNestedInAReferencedSchemaByName() {
    final ResolvedReference customerWithNestedAddress =
        reference(
            "com.acme.Customer",
            "customer",
            2,
            "{'type':'record','name':'Customer','namespace':'com.acme','fields':[{'name':'home',"
                + "'type':{'type':'record','name':'Address','fields':[]}}]}");

    final ParsedSchema order =
        parse(orderReferencing("com.acme.Address"), customerWithNestedAddress);

    assertEquals(json(orderReferencing("com.acme.Address")), order.canonicalString());
    assertEquals(json(orderReferencing("com.acme.Address")), order.normalize().canonicalString());
  }

  @Test
  void shouldKeepReferencesByNameWhenNormalizing() {
    final ParsedSchema order =
        parse(
            "{'type':'record','namespace':'com.shop','name':'Order','b':1,'a':1,"
                + "'fields':[{'type':'com.acme.Customer','name':'buyer'},"
                + "{'name':'billTo','type':['null','com.acme.Address']}]}",
            ADDRESS,
            CUSTOMER);

    assertEquals(
        json(
            "{'type':'record','name':'Order','namespace':'com.shop','fields':["
                + "{'name':'buyer','type':'com.acme.Customer'},"
                + "{'name':'billTo','type':['null','com.acme.Address']}],'a':1,'b':1}"),
        order.normalize().canonicalString());
  }

  @Test
  void shouldRejectAReferenceThatIsNotAvro() {
    final ResolvedReference json =
        new ResolvedReference("other", "other-value", 1, SchemaType.JSON, "{}");

    final RegistryException error =
        assertThrows(RegistryException.class, () -> parse(orderReferencing("other"), json));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertEquals(
        "Invalid schema of type AVRO, details: reference 'other' is a JSON schema",
        error.getMessage());
  }

  @Test
  void shouldSayWhichNameNoReferenceDefines() {
    final RegistryException error =
        assertThrows(
            RegistryException.class, () -> parse(orderReferencing("com.acme.Customer"), ADDRESS));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertEquals(
        "Invalid schema of type AVRO, details: Undefined schema: com.acme.Customer",
        error.getMessage());
  }

  @Test
  void shouldRejectReferencesThatDefineOneNameTwoWays() {
    final ResolvedReference otherAddress =
        reference(
            "com.acme.Address",
            "address",
            2,
            "{'type':'record','name':'Address','namespace':'com.acme','fields':[]}");

    final RegistryException error =
        assertThrows(
            RegistryException.class,
            () -> parse(orderReferencing("com.acme.Address"), ADDRESS, otherAddress));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertTrue(error.getMessage().contains("reference 'com.acme.Address'"), error.getMessage());
  }

  @Test
  void shouldCheckCompatibilityOfSchemasThatBothHaveReferences() {
    final String version1 =
        "{'type':'record','name':'Order','namespace':'com.shop',"
            + "'fields':[{'name':'buyer','type':'com.acme.Customer'}]}";
    final String version2 =
        "{'type':'record','name':'Order','namespace':'com.shop',"
            + "'fields':[{'name':'buyer','type':'com.acme.Customer'},"
            + "{'name':'note','type':'string','default':''}]}";
    final ResolvedReference customer2 =
        reference(
            "com.acme.Customer",
            "customer",
            2,
            "{'type':'record','name':'Customer','namespace':'com.acme','fields':["
                + "{'name':'name','type':'string'},{'name':'home','type':'com.acme.Address'},"
                + "{'name':'email','type':'string'}]}");
    final List<PreviousVersion> history =
        List.of(new PreviousVersion(1, parse(version1, ADDRESS, CUSTOMER)));

    assertEquals(
        List.of(),
        CompatibilityChecker.check(
            parse(version2, ADDRESS, CUSTOMER), history, CompatibilityLevel.FULL));
    final List<String> problems =
        CompatibilityChecker.check(
            parse(version1, ADDRESS, customer2), history, CompatibilityLevel.BACKWARD);
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email'"
                    + " at path '/fields/0/type/fields/2' in the new schema"),
        problems.get(0));
  }

  private static String orderReferencing(final String typeName) {
    return "{'type':'record','name':'Order','namespace':'com.shop',"
        + "'fields':[{'name':'to','type':'"
        + typeName
        + "'}]}";
  }

  private static ResolvedReference reference(
      final String name, final String subject, final int version, final String schema) {
    return new ResolvedReference(name, subject, version, SchemaType.AVRO, json(schema));
  }

  private static ParsedSchema parse(final String schema, final ResolvedReference... references) {
    return PROVIDER.parse(json(schema), List.of(references), false);
  }

  /** Schemas in this test are written with single quotes, so that they read as JSON does. */
  private static String json(final String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
