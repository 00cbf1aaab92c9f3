import ArgumentParser
import LabCommands

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small file helpers on the C library, so the executable starts fast without Foundation.
enum FileIO {
  /// The whole file as UTF-8 text, or the system's reason it could not be read.
  static func read(_ path: String) -> Result<String, FileError> {
    guard let file = fopen(path, "rb") else { return .failure(FileError(path: path)) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
      if count < buffer.count {
        if ferror(file) != 0 { return .failure(FileError(path: path)) }
        break
      }
    }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// Replaces a file's contents atomically (a temporary file, then a rename).
  static func write(_ text: String, to path: String) throws(FileError) {
    let temporary = path + ".tmp-breakerlab"
    guard let file = fopen(temporary, "wb") else { throw FileError(path: temporary) }
    var bytes = Array(text.utf8)
    let written = fwrite(&bytes, 1, bytes.count, file)
    let closed = fclose(file)
    guard written == bytes.count, closed == 0, rename(temporary, path) == 0 else {
      let error = FileError(path: path)
      unlink(temporary)
      throw error
    }
  }

  /// Whether `path` is a directory.
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Every file below `directory` whose name ends in one of `suffixes`, sorted.
  static func files(under directory: String, suffixes: [String]) -> [String] {
    var found: [String] = []
    for name in Directory.list(directory) {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      if name.hasSuffix("/") {
        found += files(under: String(path.dropLast()), suffixes: suffixes)
      } else if suffixes.contains(where: { name.hasSuffix($0) }) {
        found.append(path)
      }
    }
    return found.sorted()
  }

  /// The file's text; when it cannot be read, the reason goes to standard error and the
  /// command ends with exit status 2.
  static func contents(of path: String) throws -> String {
    switch read(path) {
    case .success(let contents): return contents
    case .failure(let error):
      printError("breakerlab: \(error)")
      throw ExitCode(2)
    }
  }

  /// Writes a line to standard error.
  static func printError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(2, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        guard written > 0 else { return }
        offset += written
      }
    }
  }
}

/// A file that could not be read or written, with the system's reason.
struct FileError: Error, CustomStringConvertible {
  var path: String
  var reason: String

  init(path: String) {
    self.path = path
    self.reason = String(cString: strerror(errno))
  }

  var description: String { "cannot open '\(path)': \(reason.lowercased())" }
}

/// A JSON Lines trace written to a file as events happen.
final class FileTrace: TraceSink {
  private let file: UnsafeMutablePointer<FILE>

  /// Opens (truncates) the file for writing.
  init(path: String) throws(FileError) {
    guard let file = fopen(path, "wb") else { throw FileError(path: path) }
    self.file = file
  }

  func write(line: String) {
    fputs(line + "\n", file)
  }

  /// Writes pending lines to the file now.
  func flush() { fflush(file) }

  deinit { fclose(file) }
}
