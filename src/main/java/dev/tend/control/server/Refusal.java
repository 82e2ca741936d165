package dev.tend.control.server;

/**
 * Why the server turned a request or a connection away, with the status it answers (0: none can be
 * sent) and how the main log says it. One constant a limit of {@link ServerLimits}.
 */
enum Refusal {
  TOO_MANY_CONNECTIONS(HttpStatus.UNAVAILABLE),
  HEAD_TIMEOUT(HttpStatus.REQUEST_TIMEOUT),
  BODY_TIMEOUT(HttpStatus.REQUEST_TIMEOUT),
  BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
  BODY_MEMORY(HttpStatus.UNAVAILABLE),
  HEAD_TOO_LARGE(HttpStatus.HEADERS_TOO_LARGE),
  WRITE_TIMEOUT(0),
  MALFORMED(HttpStatus.BAD_REQUEST);

  private final int status;

  Refusal(int status) {
    this.status = status;
  }

  int status() {
    return status;
  }

  /** The limit in words, with its value: what the main log says after "closed a connection: ". */
  String describe(ServerLimits limits) {
    return switch (this) {
      case TOO_MANY_CONNECTIONS ->
          "more than " + limits.maxConnections() + " connections at once (503)";
      case HEAD_TIMEOUT ->
          "request line and headers not received within "
              + ServerLimits.words(limits.headerTimeout())
              + " (408)";
      case BODY_TIMEOUT ->
          "request body not received within " + ServerLimits.words(limits.bodyTimeout()) + " (408)";
      case BODY_TOO_LARGE -> "request body over " + limits.maxBodyBytes() + " bytes (413)";
      case BODY_MEMORY ->
          "request bodies being read hold over " + limits.maxBodyMemory() + " bytes (503)";
      case HEAD_TOO_LARGE ->
          "request headers over "
              + limits.maxHeaderBytes()
              + " bytes or "
              + limits.maxHeaderCount()
              + " fields (431 or 414)";
      case WRITE_TIMEOUT ->
          "the client took no answer bytes for " + ServerLimits.words(limits.writeTimeout());
      case MALFORMED -> "malformed request (400)";
    };
  }
}
