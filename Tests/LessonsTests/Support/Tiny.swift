import Lessons

/// A small course for the course-command and progress tests: a drive step, a predict step
/// that builds on the drive step's world, a prose step with a demonstration, and a quiz.
enum Tiny {
  static let text = """
    ---
    id: 1
    title: Tiny
    summary: a tiny course
    ---

    # Tiny

    Intro text.

    ## Trip it

    Make the api breaker open.

    ```exercise
    kind: drive
    question: Open the api breaker.
    setup:
      reset
      breaker api threshold=3 window=10s
    goal:
      api opened
      state api is OPEN
    solution:
      fail api 3
    hint: Fail it.
    hint: Three times.
    wrong: fail api 2 => it did not become OPEN
    explain: Three failures open it.
    ```

    ## When

    ```exercise
    kind: predict
    question: When is a trial allowed?
    scenario:
      advance 5s
    ask: trial-at api
    hint: The wait starts at the last failure.
    wrong: 35s => 30s
    explain: 30s after the last failure.
    ```

    ## Look

    ```lab
    lab> stats api
    ...
    ```

    ## Quiz

    ```exercise
    kind: quiz
    question: Which?
    choice: a) one
    choice: b) two
    correct: a
    feedback: b => not b
    hint: a
    wrong: b => not b
    explain: e
    ```
    """

  static let course: Course = {
    (try? Inline.course(text)) ?? Course(lessons: [], directory: "lessons")
  }()
}
