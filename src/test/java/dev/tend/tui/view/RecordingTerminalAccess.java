package dev.tend.tui.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Records what the console put on the clipboard and what it showed in the pager. */
final class RecordingTerminalAccess implements TerminalAccess {
  // guarded by this
  private final List<String> copied = new ArrayList<>();
  // guarded by this: what each paged file held when the pager was asked to show it
  private final List<String> paged = new ArrayList<>();
  // guarded by this
  private final List<Path> pagedFiles = new ArrayList<>();

  @Override
  public synchronized @Nullable String copy(String text) {
    copied.add(text);
    return null;
  }

  @Override
  public synchronized @Nullable String page(Path file) throws IOException {
    pagedFiles.add(file);
    paged.add(Files.readString(file, StandardCharsets.UTF_8));
    return null;
  }

  synchronized List<String> copied() {
    return List.copyOf(copied);
  }

  synchronized List<String> paged() {
    return List.copyOf(paged);
  }

  synchronized List<Path> pagedFiles() {
    return List.copyOf(pagedFiles);
  }
}
