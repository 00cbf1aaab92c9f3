import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines with libedit: emacs key bindings, history kept across runs, Tab completion,
/// UTF-8 input, Ctrl-C that clears the line and Ctrl-D that ends the session.
///
/// Use it only when ``Terminal/isInteractive`` is true; otherwise use ``PlainLineReader``.
public final class EditLineReader: LineReader {
  /// Returns the completions of the word that ends at the cursor, given the line up to it.
  public typealias Completer = (_ lineBeforeCursor: String) -> [String]

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private var event = HistEvent()
  private var promptBuffer: UnsafeMutablePointer<CChar>
  private let historyPath: String?
  private let completer: Completer
  fileprivate var interrupted = false

  /// Creates the reader.
  /// - Parameters:
  ///   - program: The program name (libedit uses it for `~/.editrc` sections).
  ///   - historyPath: Where history is loaded from and saved to, or `nil` for none.
  ///   - historySize: How many entries to keep.
  ///   - completer: Candidates for Tab.
  public init(
    program: String, historyPath: String?, historySize: Int32 = 500,
    completer: @escaping Completer
  ) {
    Terminal.adoptLocale()
    self.historyPath = historyPath
    self.completer = completer
    promptBuffer = strdup("> ") ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    editLine = el_init(program, cel_stdin(), cel_stdout(), cel_stderr())
    history = history_init()
    _ = cel_history_set_size(history, &event, historySize)
    _ = cel_history_set_unique(history, &event, 1)
    if let historyPath { _ = cel_history_load(history, &event, historyPath) }
    _ = cel_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = cel_set_editor(editLine, "emacs")
    _ = cel_set_signal(editLine, 1)
    _ = cel_set_edit_tty_flag(editLine, "-isig")
    _ = cel_set_prompt(editLine) { el in EditLineReader.from(el)?.promptBuffer }
    _ = cel_set_history(editLine, history)
    _ = cel_add_function(editLine, "lab-complete", "Complete a word") { el, _ in
      EditLineReader.from(el)?.complete() ?? UInt8(CC_ERROR)
    }
    _ = cel_bind(editLine, "^I", "lab-complete")
    _ = cel_add_function(editLine, "lab-interrupt", "Discard the line") { el, _ in
      EditLineReader.from(el)?.interrupted = true
      return UInt8(CC_NEWLINE)
    }
    _ = cel_bind(editLine, "^C", "lab-interrupt")
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
  }

  public func read(prompt: String) -> LineInput {
    free(promptBuffer)
    promptBuffer = strdup(prompt) ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    interrupted = false
    var count: Int32 = 0
    guard let raw = el_gets(editLine, &count), count > 0 else { return .endOfInput }
    if interrupted {
      print("^C")
      return .interrupted
    }
    var line = String(cString: raw)
    while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
    return .line(line)
  }

  public func remember(_ line: String) {
    let trimmed = line.trimmingSpaces
    guard !trimmed.isEmpty else { return }
    _ = cel_history_enter(history, &event, trimmed)
    guard let historyPath else { return }
    _ = cel_history_save(history, &event, historyPath)
  }

  fileprivate static func from(_ el: OpaquePointer?) -> EditLineReader? {
    guard let el, let raw = cel_client_data(el) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(raw).takeUnretainedValue()
  }

  /// Completes the word before the cursor: inserts a unique match (with a space) or the
  /// longest common prefix, or lists the candidates.
  private func complete() -> UInt8 {
    guard let info = el_line(editLine)?.pointee, let start = info.buffer else {
      return UInt8(CC_ERROR)
    }
    let length = info.cursor - start
    let before = String(
      decoding: UnsafeBufferPointer(
        start: UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self), count: length),
      as: UTF8.self)
    let word = String(before.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
    let candidates = completer(before)
    guard !candidates.isEmpty else { return UInt8(CC_ERROR) }
    let common = candidates.dropFirst().reduce(candidates[0]) { $0.commonPrefix(with: $1) }
    if candidates.count == 1 {
      let rest = String(candidates[0].dropFirst(word.count))
      let suffix = candidates[0].hasSuffix("/") || candidates[0].hasSuffix("=") ? "" : " "
      _ = el_insertstr(editLine, rest + suffix)
      return UInt8(CC_REFRESH)
    }
    if common.count > word.count {
      _ = el_insertstr(editLine, String(common.dropFirst(word.count)))
      return UInt8(CC_REFRESH)
    }
    print("")
    print(candidates.joined(separator: "  "))
    return UInt8(CC_REDISPLAY)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return String(text)
  }

  fileprivate func commonPrefix(with other: String) -> String {
    var result = ""
    for (a, b) in zip(self, other) {
      guard a == b else { break }
      result.append(a)
    }
    return result
  }
}
