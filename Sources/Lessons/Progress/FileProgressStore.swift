import FoundationEssentials

/// Progress in a JSON file, written atomically; a corrupt file is kept aside, not lost.
public final class FileProgressStore: ProgressStore {
  /// The file's path.
  public let path: String

  /// A store at `path` (its folder is created when saving).
  public init(path: String) { self.path = path }

  public func load() throws(ProgressStoreError) -> Progress? {
    let url = URL(fileURLWithPath: path)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ProgressStoreError(
        "cannot read the progress file '\(path)'; starting afresh without touching it")
    }
    do {
      let progress = try JSONDecoder().decode(Progress.self, from: data)
      guard progress.version == 1 else { throw ProgressStoreError("version") }
      return progress
    } catch {
      let aside = keepAside()
      throw ProgressStoreError(
        "the progress file '\(path)' is damaged; it was kept as '\(aside)' and the course "
          + "starts afresh")
    }
  }

  public func save(_ progress: Progress) throws(ProgressStoreError) {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(progress).write(to: url, options: .atomic)
    } catch {
      throw ProgressStoreError("cannot save progress to '\(path)': \(error)")
    }
  }

  /// Renames the damaged file to the first free `PATH.corrupt-N`, and returns that name.
  private func keepAside() -> String {
    var number = 1
    while FileManager.default.fileExists(atPath: "\(path).corrupt-\(number)") { number += 1 }
    let aside = "\(path).corrupt-\(number)"
    try? FileManager.default.moveItem(atPath: path, toPath: aside)
    return aside
  }
}
