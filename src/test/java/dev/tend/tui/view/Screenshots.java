package dev.tend.tui.view;

import dev.tend.testing.Await;
import dev.tend.testing.DemoScene;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Renders the console's screenshots for the README: the real console, on a virtual terminal, fed
 * the {@link DemoScene} by a {@link FakeSupervisorApi}, with a fixed clock, painted to PNG. Run by
 * {@code bin/screenshots}; the same code gives the same images.
 */
public final class Screenshots {
  private static final Color DARK_FG = new Color(0xd0, 0xd0, 0xd0);
  private static final Color DARK_BG = new Color(0x1c, 0x1c, 0x1c);

  private Screenshots() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path out = Path.of(args.length > 0 ? args[0] : "screenshots");
    Files.createDirectories(out);
    shoot(
        out,
        "console",
        "default",
        120,
        40,
        c -> {
          c.press("/");
          c.type("web_00");
          c.press("Enter", "Esc");
          c.awaitText("GET /health");
        });
    shoot(
        out,
        "fatal",
        "default",
        120,
        40,
        c -> {
          c.awaitText("couldn't exec /opt/api/bin/server");
        });
    shoot(
        out,
        "details",
        "default",
        120,
        40,
        c -> {
          c.press("d");
          c.awaitText("/usr/local/bin/api");
        });
    shoot(
        out,
        "help",
        "default",
        120,
        40,
        c -> {
          c.press("?");
          c.awaitText("Send a signal (menu)");
        });
    shoot(
        out,
        "theme-light",
        "light",
        120,
        40,
        c -> {
          c.press("G", "k", "k");
          c.awaitText("task 1000 succeeded");
        });
    shoot(
        out,
        "theme-gruvbox",
        "gruvbox",
        120,
        40,
        c -> {
          c.press(":");
          c.type("restart web:");
          c.press("Tab");
          c.awaitText("group of 4");
        });
    shoot(
        out,
        "console-80x24",
        "default",
        80,
        24,
        c -> {
          c.press("j", "j");
          c.awaitText("Killed");
        });
    System.out.println("screenshots written to " + out.toAbsolutePath());
  }

  private static void shoot(
      Path dir, String name, String theme, int cols, int rows, Consumer<ConsoleDriver> scene)
      throws IOException {
    FakeSupervisorApi api = DemoScene.create();
    Path config = Files.createTempDirectory("tend-shots");
    Files.writeString(config.resolve("console.conf"), "theme = " + theme + "\n");
    ConsoleOptions o =
        ConsoleDriver.options(
                ConsoleOptions.Mode.ATTACHED,
                DemoScene.NOW,
                Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor", "LANG", "C.UTF-8"))
            .withConfigDir(config);
    try (ConsoleDriver c = ConsoleDriver.start(api, o, cols, rows)) {
      c.awaitText("web:web_00");
      if (cols >= 100) {
        c.awaitText("CPU%");
      }
      scene.accept(c);
      settle(c);
      Path tmp = dir.resolve(name + ".png.tmp");
      ImageIO.write(new ScreenImage(15f, DARK_FG, DARK_BG).paint(c.terminal), "png", tmp.toFile());
      Files.move(tmp, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      for (String f : new String[] {"console.conf"}) {
        Files.deleteIfExists(config.resolve(f));
      }
      Files.deleteIfExists(config);
    }
  }

  /** Waits until the screen stays the same for a moment (the last frame is out). */
  private static void settle(ConsoleDriver c) {
    String[] last = {c.screen()};
    long[] since = {System.nanoTime()};
    Await.until(
        "the screen to settle",
        Duration.ofSeconds(10),
        () -> {
          String now = c.screen();
          if (!now.equals(last[0])) {
            last[0] = now;
            since[0] = System.nanoTime();
          }
          return System.nanoTime() - since[0] > 300_000_000L;
        });
  }
}
