package dev.tend.tui.view;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The OSC 52 escape that sets the clipboard of the terminal the user sits at, even across ssh:
 * {@code ESC ] 52 ; c ; BASE64 BEL}. Inside tmux it is also sent wrapped for passthrough, since
 * tmux passes the plain one on only with {@code set-clipboard on} and the wrapped one only with
 * {@code allow-passthrough on}; a terminal that gets both sets the same text twice.
 */
final class Osc52 {
  private Osc52() {}

  static byte[] escape(String text, Map<String, String> env) {
    String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    String plain = "\u001b]52;c;" + b64 + "\u0007";
    String tmux = env.getOrDefault("TMUX", "");
    String out =
        tmux.isEmpty()
            ? plain
            : plain + "\u001bPtmux;" + plain.replace("\u001b", "\u001b\u001b") + "\u001b\\";
    return out.getBytes(StandardCharsets.US_ASCII);
  }
}
