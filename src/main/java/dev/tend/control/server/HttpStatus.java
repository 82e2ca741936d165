package dev.tend.control.server;

/** The status codes this server sends, with their reason phrases (RFC 9110's words). */
final class HttpStatus {
  static final int CONTINUE = 100;
  static final int OK = 200;
  static final int BAD_REQUEST = 400;
  static final int UNAUTHORIZED = 401;
  static final int FORBIDDEN = 403;
  static final int NOT_FOUND = 404;
  static final int REQUEST_TIMEOUT = 408;
  static final int LENGTH_REQUIRED = 411;
  static final int CONTENT_TOO_LARGE = 413;
  static final int URI_TOO_LONG = 414;
  static final int UNSUPPORTED_MEDIA_TYPE = 415;
  static final int EXPECTATION_FAILED = 417;
  static final int HEADERS_TOO_LARGE = 431;
  static final int INTERNAL_ERROR = 500;
  static final int NOT_IMPLEMENTED = 501;
  static final int UNAVAILABLE = 503;
  static final int VERSION_NOT_SUPPORTED = 505;

  private HttpStatus() {}

  static String reason(int status) {
    return switch (status) {
      case CONTINUE -> "Continue";
      case OK -> "OK";
      case BAD_REQUEST -> "Bad Request";
      case UNAUTHORIZED -> "Unauthorized";
      case FORBIDDEN -> "Forbidden";
      case NOT_FOUND -> "Not Found";
      case REQUEST_TIMEOUT -> "Request Timeout";
      case LENGTH_REQUIRED -> "Length Required";
      case CONTENT_TOO_LARGE -> "Content Too Large";
      case URI_TOO_LONG -> "URI Too Long";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Media Type";
      case EXPECTATION_FAILED -> "Expectation Failed";
      case HEADERS_TOO_LARGE -> "Request Header Fields Too Large";
      case INTERNAL_ERROR -> "Internal Server Error";
      case NOT_IMPLEMENTED -> "Not Implemented";
      case UNAVAILABLE -> "Service Unavailable";
      case VERSION_NOT_SUPPORTED -> "HTTP Version Not Supported";
      default -> "Error";
    };
  }
}
