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

  deinit { fclose(file) }
}
