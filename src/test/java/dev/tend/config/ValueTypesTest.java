package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tend.platform.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** supervisord's datatypes (spec §1.3): what each accepts and its exact error text. */
class ValueTypesTest {
  private static String failure(SectionReader.Step<?> step) {
    return assertThrows(InvalidValueException.class, step::run).getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "Yes", "on", "1"})
  void truthyWords(String word) throws Exception {
    assertEquals(true, ValueTypes.bool(word));
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "No", "OFF", "0"})
  void falsyWords(String word) throws Exception {
    assertEquals(false, ValueTypes.bool(word));
  }

  @Test
  void booleanError() {
    assertEquals("not a valid boolean value: 'Maybe'", failure(() -> ValueTypes.bool("Maybe")));
  }

  @Test
  void integersAsPythonReadsThem() throws Exception {
    assertEquals(12, ValueTypes.integer(" 12 "));
    assertEquals(-3, ValueTypes.integer("-3"));
    assertEquals(1000, ValueTypes.integer("1_000"));
    assertEquals(7, ValueTypes.integer("007"));
    assertEquals(
        "invalid literal for int() with base 10: 'abc'", failure(() -> ValueTypes.integer("abc")));
    assertEquals(
        "invalid literal for int() with base 10: '1.5'", failure(() -> ValueTypes.integer("1.5")));
    assertEquals(
        "invalid literal for int() with base 10: ''", failure(() -> ValueTypes.integer("")));
  }

  @Test
  void byteSizesTakeKbMbGbInAnyCase() throws Exception {
    assertEquals(1024, ValueTypes.byteSize("1KB"));
    assertEquals(50L * 1024 * 1024, ValueTypes.byteSize("50mb"));
    assertEquals(2L * 1024 * 1024 * 1024, ValueTypes.byteSize("2Gb"));
    assertEquals(5000000, ValueTypes.byteSize("5000000"));
    assertEquals(0, ValueTypes.byteSize("0"));
    assertEquals(
        "invalid literal for int() with base 10: '5m'", failure(() -> ValueTypes.byteSize("5M")));
    assertEquals(
        "invalid literal for int() with base 10: '1.5'",
        failure(() -> ValueTypes.byteSize("1.5MB")));
  }

  @Test
  void octalAsIntBase8() throws Exception {
    assertEquals(022, ValueTypes.octal("022"));
    assertEquals(0700, ValueTypes.octal("0700"));
    assertEquals(0777, ValueTypes.octal("777"));
    assertEquals(0755, ValueTypes.octal("0o755"));
    assertEquals(
        "999 can not be converted to an octal type", failure(() -> ValueTypes.octal("999")));
  }

  @ParameterizedTest
  @CsvSource({
    "TERM,15",
    "term,15",
    "SIGTERM,15",
    "sigkill,9",
    " HUP ,1",
    "9,9",
    "RTMIN,34",
    "RTMAX,64",
    "IOT,6",
    "CLD,17"
  })
  void signalsByNameOrNumber(String text, int number) throws Exception {
    Signal s = ValueTypes.signal(text);
    assertEquals(number, s.number());
  }

  @Test
  void signalErrors() {
    assertEquals("value 'FOO' is not a valid signal name", failure(() -> ValueTypes.signal("FOO")));
    assertEquals("value '99' is not a valid signal number", failure(() -> ValueTypes.signal("99")));
    assertEquals("value '40' is not a valid signal number", failure(() -> ValueTypes.signal("40")));
  }

  @Test
  void exitCodes() throws Exception {
    assertEquals(List.of(0, 2), ValueTypes.exitcodes("0,2"));
    assertEquals(List.of(1, 255), ValueTypes.exitcodes(" 1 , 255"));
    assertEquals(List.of(), ValueTypes.exitcodes(""));
    assertEquals(
        "not a valid list of exit codes: '0,256'", failure(() -> ValueTypes.exitcodes("0,256")));
    assertEquals("not a valid list of exit codes: '0,'", failure(() -> ValueTypes.exitcodes("0,")));
  }

  @Test
  void autorestartWords() throws Exception {
    assertEquals(Autorestart.UNEXPECTED, ValueTypes.autorestart("Unexpected"));
    assertEquals(Autorestart.TRUE, ValueTypes.autorestart("true"));
    assertEquals(Autorestart.FALSE, ValueTypes.autorestart("off"));
    assertEquals(
        "invalid 'autorestart' value 'sometimes'",
        failure(() -> ValueTypes.autorestart("Sometimes")));
  }

  @Test
  void logLevelsWithoutWarning() throws Exception {
    assertEquals(LogLevel.BLATHER, ValueTypes.logLevel("BLATHER"));
    assertEquals(LogLevel.WARN, ValueTypes.logLevel("warn"));
    assertEquals("bad logging level name 'warning'", failure(() -> ValueTypes.logLevel("warning")));
  }

  @Test
  void namesRejectSpaceColonSlash() throws Exception {
    assertEquals("web", ValueTypes.name(" web "));
    assertEquals(
        "Invalid name: 'a b' because of character: ' '", failure(() -> ValueTypes.name("a b")));
    assertEquals(
        "Invalid name: 'a:b' because of character: ':'", failure(() -> ValueTypes.name("a:b")));
    assertEquals(
        "Invalid name: 'a/b' because of character: '/'", failure(() -> ValueTypes.name("a/b")));
  }

  @Test
  void inetAddresses() throws Exception {
    assertEquals(new ValueTypes.InetAddress("", 9001), ValueTypes.inetAddress("9001"));
    assertEquals(new ValueTypes.InetAddress("", 9001), ValueTypes.inetAddress("*:9001"));
    assertEquals(new ValueTypes.InetAddress("", 9001), ValueTypes.inetAddress(":9001"));
    assertEquals(
        new ValueTypes.InetAddress("localhost", 9001), ValueTypes.inetAddress("LocalHost:9001"));
    assertEquals("not a valid port number: 'x' ", failure(() -> ValueTypes.inetAddress("x")));
    assertEquals(
        "65536 is above upper bound (65535)", failure(() -> ValueTypes.inetAddress("h:65536")));
    assertEquals("0 is below lower bound (1)", failure(() -> ValueTypes.inetAddress("h:0")));
    assertEquals(
        "invalid literal for int() with base 10: 'x'",
        failure(() -> ValueTypes.inetAddress("h:x")));
    assertEquals("no port number specified in ''", failure(() -> ValueTypes.inetAddress("h:")));
  }

  @Test
  void listsOfStrings() {
    assertEquals(List.of("a", "b", ""), ValueTypes.listOfStrings(" a, b ,"));
    assertEquals(List.of(), ValueTypes.listOfStrings(""));
  }
}
