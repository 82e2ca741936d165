/**
 * SupervisorApi over XML-RPC, for a tend daemon or a real supervisord, on unix sockets or HTTP.
 *
 * <p>Start with {@link dev.tend.control.client.RemoteSupervisor#connect}: a {@link
 * dev.tend.control.client.ServerUrl} and {@link dev.tend.control.client.ClientSettings}
 * (credentials, timeouts). Underneath, {@link dev.tend.control.client.XmlRpcClient} speaks HTTP/1.1
 * over java.nio channels with a small keep-alive pool; it loads few classes, since {@code tend ctl}
 * pays for every one at start-up.
 *
 * <p>Threads: every public class is safe to share. Log follows run on virtual threads of their own
 * and call their listener there. The wire contract with a tend server is docs/PROTOCOL.md.
 */
@NullMarked
package dev.tend.control.client;

import org.jspecify.annotations.NullMarked;
