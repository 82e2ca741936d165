package dev.tend.cli;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.ProcessInfo;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One supervisorctl controller: runs command lines ({@link #execute}) against a server, prints what
 * supervisorctl prints, and keeps its exit status (the last assignment wins). The interactive shell
 * and the one-shot command both drive it; the server is opened on first use.
 *
 * <p>Not thread-safe: one thread runs commands. Output may also come from the threads of a {@code
 * tail -f}; writes to {@code out} are serialized.
 */
public final class CtlSession implements AutoCloseable {
  static final String API_VERSION = "3.0";

  /**
   * How a session starts.
   *
   * @param interactive supervisorctl's {@code options.interactive} (a shell, or {@code -i}): asks
   *     before {@code shutdown} and {@code reload}, asks for a login when the server wants one
   * @param colour whether {@code status} and {@code tail -f} may colour their output
   */
  public record Settings(
      String serverurl,
      @Nullable String username,
      @Nullable String password,
      boolean interactive,
      boolean colour) {}

  private final Connector connector;
  private final UserInput input;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private final boolean colour;
  private String serverurl; // `open` changes it
  private @Nullable String username; // a login changes it
  private @Nullable String password; // a login changes it
  private boolean typedLogin; // the credentials in use were typed at a prompt, not given
  private @Nullable ServerLink link; // opened on first use; closed when URL or login change
  private int exitStatus; // supervisorctl's exitstatus: the last assignment wins
  private boolean leaving; // set by quit, exit and EOF during the current line
  private @Nullable List<ProcessInfo> completionInfo; // one getAllProcessInfo per command line
  private @Nullable StatusRows statusRows; // set: status hands its rows here instead of printing

  /** Takes the rows {@code status} would print (a table over several servers prints them). */
  @FunctionalInterface
  public interface StatusRows {
    void take(List<ProcessInfo> rows);
  }

  public CtlSession(
      Settings settings, Connector connector, UserInput input, PrintStream out, PrintStream err) {
    this.connector = connector;
    this.input = input;
    this.out = out;
    this.err = err;
    this.serverurl = settings.serverurl();
    this.username = settings.username();
    this.password = settings.password();
    this.interactive = settings.interactive();
    this.colour = settings.colour();
  }

  /**
   * Runs one command line as supervisorctl's {@code onecmd} does: {@code ?} means help, the verb is
   * the leading run of letters, digits and underscores, anything unknown is {@code *** Unknown
   * syntax}. Errors no verb handles are printed, never thrown.
   *
   * @return true when the line asks to leave the shell ({@code quit}, {@code exit}, {@code EOF})
   * @throws UserInterrupt when the user pressed Ctrl-C at a question the verb asked
   */
  public boolean execute(String commandLine) {
    String line = PythonText.strip(commandLine);
    if (line.isEmpty()) {
      return false; // no repeat of the last command
    }
    if (line.charAt(0) == '?') {
      line = "help " + line.substring(1);
    } else if (line.charAt(0) == '!') {
      unknownSyntax(line);
      return false;
    }
    int i = 0;
    while (i < line.length() && isIdentChar(line.charAt(i))) {
      i++;
    }
    String name = line.substring(0, i);
    completionInfo = null;
    Verb verb = name.isEmpty() ? null : Verbs.lookup(name);
    if (verb == null) {
      unknownSyntax(line);
      return false;
    }
    leaving = false;
    runWithLogin(verb, PythonText.strip(line.substring(i)));
    flush();
    return leaving;
  }

  private void runWithLogin(Verb verb, String arg) {
    while (true) {
      try {
        verb.run(this, arg);
        return;
      } catch (ConnectionException e) {
        if (e.httpStatus() != 401) {
          fail(e);
          return;
        }
        println("Server requires authentication");
        if (!login()) {
          fail(e);
          return;
        }
      } catch (UserInterrupt e) {
        throw e;
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
    }
  }

  /**
   * Asks for a login where someone can answer: in the shell or with {@code -i} (as supervisorctl),
   * and for one command when no password was given or the typed one was wrong.
   */
  private boolean login() {
    if (!(interactive || password == null || typedLogin) || !input.isTerminal()) {
      return false;
    }
    String user = input.readLine("Username:");
    String pass = user == null ? null : input.readPassword("Password:");
    if (user == null || pass == null) {
      return false;
    }
    println("");
    username = user;
    password = pass;
    typedLogin = true;
    closeLink();
    return true;
  }

  private void fail(RuntimeException e) {
    exitStatus = Lsb.GENERIC;
    println(PythonError.line(e));
  }

  private void unknownSyntax(String line) {
    println("*** Unknown syntax: " + line);
    exitStatus = Lsb.GENERIC;
    flush();
  }

  private static boolean isIdentChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** The exit status so far: 0 unless a command set another. */
  public int exitStatus() {
    return exitStatus;
  }

  /** The server URL as given (or as {@code open} last set it), as messages show it. */
  public String serverurl() {
    return serverurl;
  }

  /**
   * The processes shell completion offers, fetched once per command line (completion asks many
   * times per key press); empty when the server cannot say.
   */
  public List<ProcessInfo> processesForCompletion() {
    List<ProcessInfo> infos = completionInfo;
    if (infos == null) {
      try {
        infos = api().getAllProcessInfo();
      } catch (RuntimeException e) {
        infos = List.of();
      }
      completionInfo = infos;
    }
    return infos;
  }

  /** From now on {@code status} hands its rows to {@code rows} instead of printing them. */
  public void collectStatusRows(StatusRows rows) {
    this.statusRows = rows;
  }

  @Override
  public void close() {
    flush();
    closeLink();
  }

  // -- for the verbs --

  SupervisorApi api() {
    return link().api();
  }

  ServerLink link() {
    ServerLink l = link;
    if (l == null) {
      l = connector.open(serverurl, username, password);
      link = l;
    }
    return l;
  }

  /** {@code open URL}: later calls go to {@code url}. */
  void switchServer(String url) {
    closeLink();
    serverurl = url;
  }

  private void closeLink() {
    ServerLink l = link;
    link = null;
    if (l != null) {
      l.close();
    }
  }

  /** supervisorctl's {@code upcheck}; see {@link Upcheck}. */
  boolean upcheck() {
    return Upcheck.passes(this);
  }

  /** {@code status}'s rows: printed, or handed to whoever collects them. */
  void printStatus(List<ProcessInfo> rows) {
    StatusRows collector = statusRows;
    if (collector != null) {
      collector.take(rows);
      return;
    }
    for (String line : StatusTable.lines(rows, colour)) {
      println(line);
    }
  }

  /** Sets the exit status; the last call wins. */
  void exit(int status) {
    exitStatus = status;
  }

  /** {@code set_exitstatus_from_xmlrpc_fault}. */
  void exitForResult(int code, @Nullable Fault ignored) {
    int status = Lsb.forResult(code, ignored);
    if (status >= 0) {
      exitStatus = status;
    }
  }

  /** Marks the current line as leaving the shell. */
  void leave() {
    leaving = true;
  }

  boolean interactive() {
    return interactive;
  }

  boolean colour() {
    return colour;
  }

  UserInput input() {
    return input;
  }

  /**
   * A question with a typed answer ({@code y/N}); Python's {@code raw_input}, which raises at end
   * of input.
   */
  String ask(String prompt) {
    flush();
    String answer = input.readLine(prompt);
    if (answer == null) {
      throw new EndOfInput();
    }
    return answer;
  }

  /** supervisorctl's {@code output}: the text and a newline. */
  void println(String text) {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.write(bytes, 0, bytes.length);
    }
  }

  /** A verb's help text, which holds its own line ends. */
  void printHelp(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.write(bytes, 0, bytes.length);
    }
  }

  /** Bytes as they are (log contents), flushed at once. */
  void printRaw(byte[] bytes) {
    synchronized (out) {
      out.write(bytes, 0, bytes.length);
      out.flush();
    }
  }

  /** A line on standard error, where supervisorctl's HTTP client reports stream failures. */
  void errorLine(String text) {
    flush();
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (err) {
      err.write(bytes, 0, bytes.length);
      err.flush();
    }
  }

  void flush() {
    synchronized (out) {
      out.flush();
    }
  }
}
