package dev.tend.control.server;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.control.xmlrpc.MethodResponse;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import dev.tend.control.xmlrpc.XmlRpcParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code getAllProcessInfo} on the wire: the server's structs and XML encoding of N processes, and
 * the client's parse of that answer (bench row "rpc" is their sum plus HTTP and the core).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
@State(Scope.Benchmark)
public class ProcessInfoWireBenchmark {
  @Param({"100", "1000"})
  int processes;

  private List<ProcessInfo> infos;
  private byte[] answer;

  @Setup
  public void setUp() {
    infos = new ArrayList<>(processes);
    for (int i = 0; i < processes; i++) {
      String name = String.format("web_%04d", i);
      infos.add(
          new ProcessInfo(
              name,
              "web",
              "pid " + (1000 + i) + ", uptime 1:02:03",
              1_700_000_000L,
              0,
              1_700_003_723L,
              ProcessState.RUNNING,
              "",
              0,
              "/var/log/web/" + name + ".log",
              "",
              1000 + i,
              0,
              0));
    }
    answer = encode();
  }

  /** Server side: api records to structs to the XML bytes sent. */
  @Benchmark
  public byte[] encode() {
    return XmlRpcEncoder.response(WireStructs.processInfos(infos));
  }

  /** Client side: the XML bytes received to values. */
  @Benchmark
  public MethodResponse parse() throws XmlRpcParseException {
    return XmlRpcParser.parseResponse(answer, XmlRpcLimits.RESPONSES);
  }
}
