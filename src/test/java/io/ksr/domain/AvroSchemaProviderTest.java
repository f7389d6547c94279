package io.ksr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Avro's normal form, which registering or looking up with {@code normalize=true} uses. */
class AvroSchemaProviderTest {
  private static final AvroSchemaProvider PROVIDER = new AvroSchemaProvider();

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

  private static ParsedSchema parse(final String schema, final ResolvedReference... references) {
    return PROVIDER.parse(json(schema), List.of(references), false);
  }

  /** Schemas in this test are written with single quotes, so that they read as JSON does. */
  private static String json(final String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
