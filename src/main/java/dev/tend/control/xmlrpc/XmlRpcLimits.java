package dev.tend.control.xmlrpc;

/**
 * Bounds the parser enforces on one document, so a hostile or broken peer cannot make it use
 * unbounded memory or stack. Every limit is inclusive: a document exactly at the limit parses.
 *
 * @param maxBytes size of the whole document in bytes
 * @param maxDepth element nesting depth ({@code <methodResponse>} alone is depth 1); at most {@link
 *     #DEPTH_CEILING} so the recursive parser can never overflow its stack
 * @param maxElements number of elements (start tags) in the document
 * @param maxStringLength characters in any one text value (a string, a member name, a method name,
 *     the base64 text of a binary value)
 */
public record XmlRpcLimits(long maxBytes, int maxDepth, int maxElements, int maxStringLength) {

  /** The deepest nesting any caller may allow. */
  public static final int DEPTH_CEILING = 512;

  /**
   * For requests a server accepts: calls are small (a namespec, a signal, a line of stdin); a
   * multicall of a few hundred calls still fits.
   */
  public static final XmlRpcLimits REQUESTS = new XmlRpcLimits(4L << 20, 32, 100_000, 1 << 20);

  /**
   * For responses a client accepts: a whole log file read at once, or {@code getAllProcessInfo} for
   * tens of thousands of processes.
   */
  public static final XmlRpcLimits RESPONSES =
      new XmlRpcLimits(512L << 20, 64, 8_000_000, 384 << 20);

  public XmlRpcLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
    }
    if (maxDepth < 1 || maxDepth > DEPTH_CEILING) {
      throw new IllegalArgumentException(
          "maxDepth must be in 1.." + DEPTH_CEILING + ", got " + maxDepth);
    }
    if (maxElements < 1) {
      throw new IllegalArgumentException("maxElements must be >= 1, got " + maxElements);
    }
    if (maxStringLength < 0) {
      throw new IllegalArgumentException("maxStringLength must be >= 0, got " + maxStringLength);
    }
  }
}
