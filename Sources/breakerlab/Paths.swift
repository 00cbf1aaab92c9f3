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

  /// The progress file of the course.
  static func progressFile() -> String? {
    stateDirectory(create: false).map { $0 + "/progress.json" }
  }

  /// Where lessons are when `--lessons` is not given: `./lessons` if it exists, else the
  /// `lessons` folder of the package the binary was built in (the nearest folder above the
  /// executable that holds both `Package.swift` and `lessons`).
  static func defaultLessons() -> String {
    if FileIO.isDirectory("lessons") { return "lessons" }
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return "lessons" }
    let executable = String(
      decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var parts = executable.split(separator: "/", omittingEmptySubsequences: false)
    while parts.count > 1 {
      parts.removeLast()
      let folder = parts.joined(separator: "/")
      if FileIO.isDirectory(folder + "/lessons"), access(folder + "/Package.swift", F_OK) == 0 {
        return folder + "/lessons"
      }
    }
    return "lessons"
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
