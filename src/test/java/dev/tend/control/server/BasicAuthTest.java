package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.config.HttpAuth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** supervisord's basic auth: clear or {SHA} passwords; 401 for anything else, 400 for junk. */
class BasicAuthTest {
  private static String basic(String userColonPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void clearPassword() {
    BasicAuth auth = new BasicAuth(new HttpAuth("admin", "s3cret:with:colons"));
    assertEquals(BasicAuth.Outcome.ALLOWED, auth.check(basic("admin:s3cret:with:colons")));
    assertEquals(
        BasicAuth.Outcome.ALLOWED,
        auth.check("basic " + basic("admin:s3cret:with:colons").substring(6)));
    assertEquals(BasicAuth.Outcome.DENIED, auth.check(basic("admin:s3cret")));
    assertEquals(BasicAuth.Outcome.DENIED, auth.check(basic("Admin:s3cret:with:colons")));
    assertEquals(BasicAuth.Outcome.DENIED, auth.check(basic("admin")));
    assertEquals(BasicAuth.Outcome.DENIED, auth.check(null));
    assertEquals(BasicAuth.Outcome.DENIED, auth.check("Bearer abc"));
    assertEquals(BasicAuth.Outcome.DENIED, auth.check("Basic"));
  }

  @Test
  void shaPasswordComparesTheHexDigestOfWhatIsSent() {
    // sha1("thepassword") = 82ab876d1387bfafe46cc1c8a2ef074eae50cb1d
    BasicAuth auth =
        new BasicAuth(new HttpAuth("u", "{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d"));
    assertEquals(BasicAuth.Outcome.ALLOWED, auth.check(basic("u:thepassword")));
    assertEquals(
        BasicAuth.Outcome.DENIED, auth.check(basic("u:82ab876d1387bfafe46cc1c8a2ef074eae50cb1d")));
    assertEquals(BasicAuth.Outcome.DENIED, auth.check(basic("u:thepasswor")));
    BasicAuth upper =
        new BasicAuth(new HttpAuth("u", "{SHA}82AB876D1387BFAFE46CC1C8A2EF074EAE50CB1D"));
    assertEquals(BasicAuth.Outcome.ALLOWED, upper.check(basic("u:thepassword")));
  }

  @Test
  void nonAsciiCredentialsAreUtf8() {
    BasicAuth auth = new BasicAuth(new HttpAuth("rené", "pässword"));
    assertEquals(BasicAuth.Outcome.ALLOWED, auth.check(basic("rené:pässword")));
  }

  @Test
  void credentialsThatAreNotBase64AreABadRequest() {
    BasicAuth auth = new BasicAuth(new HttpAuth("u", "p"));
    assertEquals(BasicAuth.Outcome.MALFORMED, auth.check("Basic dX=Np"));
  }
}
