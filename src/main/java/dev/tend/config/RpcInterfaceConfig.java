package dev.tend.config;

import java.util.Map;

/** An {@code [rpcinterface:NAME]} section: the factory and its extra keys. */
public record RpcInterfaceConfig(String name, String factory, Map<String, String> options) {
  public RpcInterfaceConfig {
    options = Map.copyOf(options);
  }

  /** The factory every standard config names for the {@code supervisor} namespace. */
  public static final String MAIN_FACTORY = "supervisor.rpcinterface:make_main_rpcinterface";
}
