package dev.tend.control.xmlrpc;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The element names XML-RPC uses; the scanner rejects every other name. */
enum XmlRpcTag {
  METHOD_CALL("methodCall"),
  METHOD_RESPONSE("methodResponse"),
  METHOD_NAME("methodName"),
  PARAMS("params"),
  PARAM("param"),
  FAULT("fault"),
  VALUE("value"),
  I4("i4"),
  INT("int"),
  I8("i8"),
  BOOLEAN("boolean"),
  STRING("string"),
  DOUBLE("double"),
  DATE_TIME("dateTime.iso8601"),
  BASE64("base64"),
  ARRAY("array"),
  DATA("data"),
  STRUCT("struct"),
  MEMBER("member"),
  NAME("name"),
  NIL("nil");

  private static final int LONGEST = 16;

  /** Tags by name length, so a lookup compares only names that could match. */
  private static final XmlRpcTag[][] BY_LENGTH = indexByLength();

  final String xmlName;
  private final byte[] bytes;

  XmlRpcTag(String xmlName) {
    this.xmlName = xmlName;
    this.bytes = xmlName.getBytes(StandardCharsets.US_ASCII);
  }

  /** The tag named by {@code in[from, to)}, or null when XML-RPC has no such element. */
  static @Nullable XmlRpcTag lookup(byte[] in, int from, int to) {
    int length = to - from;
    if (length <= 0 || length > LONGEST) {
      return null;
    }
    for (XmlRpcTag tag : BY_LENGTH[length]) {
      if (tag.isNamedBy(in, from, to)) {
        return tag;
      }
    }
    return null;
  }

  /** Whether {@code in[from, to)} is this tag's name. */
  boolean isNamedBy(byte[] in, int from, int to) {
    // byte by byte: for names this short a loop beats Arrays.equals' vectorized setup
    byte[] name = bytes;
    if (to - from != name.length) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (name[i] != in[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static XmlRpcTag[][] indexByLength() {
    // plain loops, not streams: this runs on tend ctl's start-up path
    XmlRpcTag[][] index = new XmlRpcTag[LONGEST + 1][];
    for (int length = 0; length <= LONGEST; length++) {
      int count = 0;
      for (XmlRpcTag tag : values()) {
        count += tag.bytes.length == length ? 1 : 0;
      }
      index[length] = new XmlRpcTag[count];
      int i = 0;
      for (XmlRpcTag tag : values()) {
        if (tag.bytes.length == length) {
          index[length][i++] = tag;
        }
      }
    }
    return index;
  }

  @Override
  public String toString() {
    return "<" + xmlName + ">";
  }
}
