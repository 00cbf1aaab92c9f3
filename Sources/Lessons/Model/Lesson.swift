import Transcripts

/// One lesson of the course: its steps, read from a Markdown file.
public struct Lesson: Sendable {
  public var id: Int
  public var title: String
  public var summary: String
  /// The text before the first step.
  public var introduction: [String]
  public var steps: [LessonStep]
  /// Where it came from.
  public var path: String
  /// The file as a transcript (its `lab` blocks), for replaying its demonstrations.
  public var transcript: Transcript
}

/// One step of a lesson: prose, demonstrations and at most one exercise.
public struct LessonStep: Sendable {
  /// `LESSON.N`, e.g. `2.3`.
  public var id: String
  public var title: String
  /// The prose lines, with demonstration blocks shown as they are in the file.
  public var text: [String]
  /// The demonstration blocks of this step.
  public var demos: [Transcript.Block]
  public var exercise: Exercise?
  /// The line of the `##` heading.
  public var line: Int
}

/// An exercise, checked against the reference or on the learner's world.
public struct Exercise: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case predict, drive, tune, quiz
  }

  /// A known-wrong attempt and the feedback it must get.
  public struct WrongAttempt: Sendable {
    public var attempt: String
    public var feedback: String
    public var line: Int
  }

  public var kind: Kind
  public var question: [String]
  public var setup: [String] = []
  public var hints: [String] = []
  public var explain: [String] = []
  public var wrong: [WrongAttempt] = []
  // predict
  public var scenario: [String] = []
  public var ask: String?
  // drive
  public var goal: [String] = []
  public var solution: [String] = []
  // tune
  public var breaker: String?
  public var knobs: [String] = []
  public var profile: [String] = []
  public var require: [String] = []
  // quiz
  public var choices: [String] = []
  public var correct: Set<String> = []
  public var feedback: [String: String] = [:]
  /// The line of the opening fence, and of each key (for lint).
  public var line: Int
  public var keyLines: [String: Int] = [:]
}
