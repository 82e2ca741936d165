package dev.tend.core;

import dev.tend.config.GroupConfig;
import dev.tend.config.ProcessConfig;
import dev.tend.logs.LogEvents;
import java.io.IOException;

/** Makes the outputs of a process when its group is added (AUTO log files are named then). */
@FunctionalInterface
public interface ProcessOutputsFactory {
  /**
   * @param events where the output's PROCESS_LOG and PROCESS_COMMUNICATION events go
   */
  ProcessOutputs open(GroupConfig group, ProcessConfig process, LogEvents events)
      throws IOException;
}
