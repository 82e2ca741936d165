package dev.tend.core;

import dev.tend.config.GroupConfig;
import dev.tend.config.ProcessConfig;
import java.io.IOException;

/** Makes the outputs of a process when its group is added (AUTO log files are named then). */
@FunctionalInterface
public interface ProcessOutputsFactory {
  ProcessOutputs open(GroupConfig group, ProcessConfig process) throws IOException;
}
