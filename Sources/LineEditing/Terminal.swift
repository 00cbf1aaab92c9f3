import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the lab runs in, and the Ctrl-C flag for long commands.
public enum Terminal {
  /// Whether both standard input and standard output are terminals (only then is line
  /// editing used: with either one piped, libedit would misbehave).
  public static var isInteractive: Bool {
    isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
  }

  /// The width of the terminal on standard output, if it is one.
  public static var width: Int? {
    guard isatty(STDOUT_FILENO) != 0 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// Reads an environment variable.
  public static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Installs a SIGINT handler that only raises a flag (see ``interruptRequested``), so Ctrl-C
  /// during a long command stops it at a consistent point instead of killing the lab.
  public static func installInterruptHandler() {
    cel_install_sigint()
  }

  /// Whether Ctrl-C was pressed since the last ``clearInterrupt()``. Safe to poll often.
  public static var interruptRequested: Bool { cel_peek_interrupt() != 0 }

  /// Forgets a pending Ctrl-C.
  public static func clearInterrupt() { _ = cel_take_interrupt() }

  /// Sets the C library's locale from the environment (needed for UTF-8 input in libedit).
  public static func adoptLocale() {
    setlocale(LC_ALL, "")
  }
}
