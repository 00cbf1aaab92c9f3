import LineEditing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the lab keeps its files: the XDG state directory (`$XDG_STATE_HOME/breakerlab`, or
/// `~/.local/state/breakerlab`).
enum Paths {
  /// The lab's state directory, created if asked and possible.
  static func stateDirectory(create: Bool) -> String? {
    let base: String
    if let state = Terminal.environment("XDG_STATE_HOME"), state.hasPrefix("/") {
      base = state
    } else if let home = Terminal.environment("HOME"), !home.isEmpty {
      base = home + "/.local/state"
    } else {
      return nil
    }
    let directory = base + "/breakerlab"
    if create { makeDirectories(directory) }
    return directory
  }

  /// The history file of the interactive lab.
  static func historyFile(create: Bool) -> String? {
    stateDirectory(create: create).map { $0 + "/history" }
  }

  /// `mkdir -p`.
  static func makeDirectories(_ path: String) {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      _ = mkdir(current, 0o755)
    }
  }
}

/// Lists directory entries for file-name completion.
enum Directory {
  /// The names in `directory` (hidden ones left out), directories with a trailing `/`.
  static func list(_ directory: String) -> [String] {
    let expanded =
      directory.hasPrefix("~/")
      ? (Terminal.environment("HOME") ?? "") + directory.dropFirst(1) : directory
    guard let handle = opendir(expanded) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard !name.hasPrefix(".") else { continue }
      let isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
      names.append(isDirectory ? name + "/" : name)
    }
    return names.sorted()
  }
}
