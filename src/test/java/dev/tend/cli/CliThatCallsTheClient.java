package dev.tend.cli;

import dev.tend.control.client.ServerUrl;

/**
 * Test fixture: a verb that reaches into the XML-RPC client instead of going through {@link
 * ServerLink}, which the layering rules must reject.
 */
public final class CliThatCallsTheClient {
  public boolean unix(String url) {
    return ServerUrl.parse(url).isUnix();
  }
}
