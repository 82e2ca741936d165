package dev.tend.control.client.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.control.client.ssh.SshFailure.Kind;
import org.junit.jupiter.api.Test;

/** OpenSSH 9.2's own messages, as it printed them on this machine's tests. */
class SshWordsTest {
  private static final String CHANGED =
      """
      @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
      @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
      @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
      IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
      Offending ED25519 key in /root/.ssh/known_hosts:1
        remove with:
        ssh-keygen -f "/root/.ssh/known_hosts" -R "[127.0.0.1]:33309"
      Host key for [127.0.0.1]:33309 has changed and you have requested strict checking.
      Host key verification failed.
      """;

  @Test
  void eachFailureIsToldApart() {
    assertEquals(
        Kind.UNREACHABLE,
        SshWords.classify(255, "ssh: connect to host 127.0.0.1 port 1: Connection refused\n"));
    assertEquals(
        Kind.UNREACHABLE,
        SshWords.classify(
            255, "ssh: Could not resolve hostname nosuch: Name or service not known\n"));
    assertEquals(
        Kind.AUTH_REFUSED,
        SshWords.classify(255, "root@127.0.0.1: Permission denied (publickey).\n"));
    assertEquals(
        Kind.HOST_KEY,
        SshWords.classify(
            255,
            "No ED25519 host key is known for [127.0.0.1]:33309 and you have requested strict"
                + " checking.\nHost key verification failed.\n"));
    assertEquals(Kind.HOST_KEY, SshWords.classify(255, CHANGED));
    assertEquals(Kind.SSH_UNAVAILABLE, SshWords.classify(127, "sh: 1: nossh: not found\n"));
    assertEquals(Kind.FAILED, SshWords.classify(255, "something new\n"));
  }

  @Test
  void aPersonCanAnswerAPassphraseOrANewHostKeyButNotAChangedOne() {
    assertTrue(SshWords.personCouldHelp(Kind.AUTH_REFUSED, "Permission denied (publickey)."));
    assertTrue(SshWords.personCouldHelp(Kind.HOST_KEY, "Host key verification failed."));
    assertFalse(SshWords.personCouldHelp(Kind.HOST_KEY, CHANGED));
    assertFalse(SshWords.personCouldHelp(Kind.UNREACHABLE, "Connection refused"));
  }

  @Test
  void theQuoteIsTheLastLinesThatSaySomething() {
    assertEquals(
        "Host key for [127.0.0.1]:33309 has changed and you have requested strict checking."
            + " Host key verification failed.",
        SshWords.quote(CHANGED));
    assertEquals(
        "root@web1: Permission denied (publickey).",
        SshWords.quote(
            "Warning: Permanently added 'web1' (ED25519) to the list of known hosts.\r\n"
                + "root@web1: Permission denied (publickey).\r\n"));
    assertEquals("", SshWords.quote(""));
  }
}
