/// Turns a session into transcript text that replays green.
public enum TranscriptWriter {
  /// The header of a recording: what it is, and the settings it needs to replay the same.
  public static func header(_ settings: SessionSettings) -> [String] {
    ["# Breaker Lab transcript: replay with 'breakerlab replay FILE'"] + settings.headerLines
  }

  /// One exchange as transcript lines: the input after the prompt token, then its output
  /// (normalized, so colour and trailing spaces never reach the file).
  public static func lines(input: String, output: [String]) -> [String] {
    [Transcript.prompt + input] + Normalizer.normalize(output)
  }
}
