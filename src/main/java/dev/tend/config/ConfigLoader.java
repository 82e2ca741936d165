package dev.tend.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads a supervisord.conf with supervisord 4.2.5's semantics (spec §1) into a {@link
 * SupervisorConfig}. The steps run in supervisord's order (read, includes, {@code [supervisord]},
 * rpc interfaces, groups, servers), so the first error is the one supervisord would report; unlike
 * supervisord, loading goes on and every error is reported. Warnings (supervisord's own, and tend's
 * about unknown sections and keys) never stop loading.
 */
public final class ConfigLoader {
  private final ConfigContext context;
  private final HostValueTypes host;

  public ConfigLoader(ConfigContext context) {
    this.context = context;
    this.host = new HostValueTypes(context);
  }

  /** Loads file (as given: relative paths are relative to the context's working directory). */
  public SupervisorConfig load(Path file) throws ConfigException {
    return load(file, Map.of());
  }

  /**
   * Loads file with {@code [supervisord]} values from the command line taking the place of the
   * file's.
   *
   * @param commandLine {@code [supervisord]} option name ({@code logfile}, {@code nodaemon} ...) to
   *     the value given on the command line; these are not {@code %}-expanded
   */
  public SupervisorConfig load(Path file, Map<String, String> commandLine) throws ConfigException {
    Diagnostics diagnostics = new Diagnostics();
    IniDocument doc = new IniDocument();
    Path absolute = host.resolve(file.toString());
    String text = readMain(file, absolute);
    String here = absolute.getParent() == null ? "/" : absolute.getParent().toString();
    IniParser.read(doc, file, text, diagnostics);
    Map<String, Object> envNames = new LinkedHashMap<>();
    context.environment().forEach((k, v) -> envNames.put("ENV_" + k, v));
    List<Path> included = new Includes(doc, diagnostics, context, here).read(envNames);
    KnownKeys.check(doc, diagnostics);
    if (!doc.hasSection(SupervisordSectionParser.SECTION)) {
      diagnostics.error(
          ".ini file does not include supervisord section", file, 0, null, null, null);
    }
    SupervisordConfig supervisord =
        new SupervisordSectionParser(
                reader(doc, SupervisordSectionParser.SECTION, diagnostics, envNames),
                host,
                commandLine,
                envNames,
                here,
                context.hostNodeName(),
                context.tempDirectory())
            .parse();
    supervisord.environment().forEach((k, v) -> envNames.put("ENV_" + k, v));
    List<RpcInterfaceConfig> rpc = rpcInterfaces(doc, diagnostics, envNames);
    ProcessSectionParser processes =
        new ProcessSectionParser(
            doc,
            diagnostics,
            host,
            envNames,
            supervisord.environment(),
            here,
            context.hostNodeName());
    FcgiSocketParser sockets = new FcgiSocketParser(host, here, context.users().currentUid());
    List<GroupConfig> groups =
        new GroupAssembler(doc, diagnostics, envNames, here, processes, sockets).groups();
    DependencyCheck.check(doc, diagnostics, groups);
    ServerSectionParser servers =
        new ServerSectionParser(doc, diagnostics, envNames, here, host, true);
    List<InetHttpServerConfig> inet = servers.inetServers();
    List<UnixHttpServerConfig> unix = servers.unixServers();
    CtlConfig ctl =
        CtlSectionParser.parse(
            doc, reader(doc, CtlSectionParser.SECTION, diagnostics, envNames), host, here);
    if (diagnostics.hasErrors()) {
      throw diagnostics.failure();
    }
    return new SupervisorConfig(
        absolute, included, supervisord, unix, inet, ctl, rpc, groups, diagnostics.notes());
  }

  private static SectionReader reader(
      IniDocument doc, String section, Diagnostics diagnostics, Map<String, Object> envNames) {
    return new SectionReader(doc, section, diagnostics, envNames, "");
  }

  /** The main file's text; a missing or unreadable file stops loading at once. */
  private static String readMain(Path given, Path absolute) throws ConfigException {
    if (!Files.exists(absolute)) {
      throw single("could not find config file " + given, given);
    }
    String text = readText(absolute);
    if (text == null) {
      throw single("could not read config file " + given, given);
    }
    return text;
  }

  /** UTF-8 text, or null when the file cannot be read or is not UTF-8. */
  static @Nullable String readText(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static ConfigException single(String message, Path file) {
    return new ConfigException(
        List.of(new Diagnostic(Diagnostic.Severity.ERROR, message, file, 0, null, null, null)));
  }

  /** {@code [rpcinterface:x]} sections; tend serves only supervisord's main interface. */
  private static List<RpcInterfaceConfig> rpcInterfaces(
      IniDocument doc, Diagnostics diagnostics, Map<String, Object> envNames) {
    String factoryKey = "supervisor.rpcinterface_factory";
    List<RpcInterfaceConfig> interfaces = new ArrayList<>();
    for (String section : doc.sectionNames()) {
      if (!section.startsWith("rpcinterface:")) {
        continue;
      }
      SectionReader r = reader(doc, section, diagnostics, envNames);
      String name = GroupAssembler.afterColon(section);
      String factory = r.attemptOrNull(factoryKey, () -> r.get(factoryKey, null, Map.of()));
      if (factory == null) {
        if (!r.has(factoryKey)) {
          r.error(null, "section [" + section + "] does not specify a " + factoryKey);
        }
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (IniDocument.Entry e : doc.entries(section)) {
        if (!e.key().equals(factoryKey)) {
          String v = r.attemptOrNull(e.key(), () -> r.get(e.key(), null, Map.of()));
          options.put(e.key(), v == null ? e.value() : v);
        }
      }
      if (!factory.equals(RpcInterfaceConfig.MAIN_FACTORY)) {
        r.warning(
            factoryKey,
            "tend cannot load the Python rpc interface "
                + factory
                + " of ["
                + section
                + "]; calls to its namespace '"
                + name
                + "' will fail");
      }
      interfaces.add(new RpcInterfaceConfig(name, factory, options));
    }
    return interfaces;
  }
}
