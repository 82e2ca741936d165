package dev.tend.api;

/**
 * One entry of the array that group and "all" operations return (spec §3.6).
 *
 * @param status a fault code, or {@link Fault#SUCCESS}'s 80
 * @param description {@code OK} or the fault's text
 */
public record ProcessResult(String name, String group, int status, String description) {
  public String namespec() {
    return ProcessInfo.namespec(group, name);
  }

  public boolean isSuccess() {
    return status == Fault.SUCCESS.code();
  }
}
