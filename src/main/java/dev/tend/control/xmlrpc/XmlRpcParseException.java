package dev.tend.control.xmlrpc;

/**
 * A document that is not well-formed XML-RPC, or that exceeds the caller's {@link XmlRpcLimits}.
 * Carries where (byte offset, and line and column for people) and why.
 */
public final class XmlRpcParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final int line;
  private final int column;
  private final String reason;

  XmlRpcParseException(String reason, long offset, int line, int column) {
    super(reason + " at line " + line + ", column " + column + " (byte " + offset + ")");
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  /** Bytes from the start of the document to where the problem was found. */
  public long offset() {
    return offset;
  }

  /** 1-based line of {@link #offset()}. */
  public int line() {
    return line;
  }

  /** 1-based column (in bytes) of {@link #offset()}. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
