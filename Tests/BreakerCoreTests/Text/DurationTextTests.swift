import BreakerCore
import Testing

/// Reading and printing durations (`250ms`, `1m30s`) and percentages (`12.5%`), the way
/// settings and reasons show them.
@Suite("Duration and percent text")
struct DurationTextTests {
  @Test(
    "Durations that parse",
    arguments: [
      ("0ms", 0), ("1ms", 1), ("250ms", 250), ("1s", 1000), ("30s", 30_000),
      ("60s", 60_000), ("1m", 60_000), ("1m30s", 90_000), ("90s", 90_000),
      ("2h", 7_200_000), ("1d", 86_400_000), ("1h30m", 5_400_000),
      ("1d2h3m4s5ms", 93_784_005), ("1s500ms", 1500), ("007s", 7000),
      ("9000000000000ms", 9_000_000_000_000), ("10000y", 315_360_000_000_000),
      ("1y", 31_536_000_000),
    ] as [(String, Milliseconds)])
  func parses(_ text: String, _ millis: Milliseconds) {
    #expect(DurationText.parse(text) == millis)
  }

  @Test(
    "Text that is not a duration",
    arguments: [
      "", "30", "s", "ms", "1.5s", "-1s", "+1s", " 1s", "1s ", "1 s", "1S", "1sec", "1m30",
      "30m1h", "1s1s", "1ms1s", "1h1h", "m30s", "1,5s", "1_000ms", "١s",
      "999999999999999h", "9999999999999999999ms", "100000000000000001ms", "1200000000d",
      "3200000y",
    ])
  func rejects(_ text: String) {
    #expect(DurationText.parse(text) == nil)
  }

  @Test("The largest duration is accepted; one more millisecond is not")
  func maximum() {
    #expect(DurationText.parse("\(DurationText.maximum)ms") == DurationText.maximum)
    #expect(DurationText.parse("\(DurationText.maximum + 1)ms") == nil)
    // Whatever parses can be added to a clock reading of the same size without overflow.
    #expect(DurationText.maximum.multipliedReportingOverflow(by: 2).overflow == false)
  }

  @Test(
    "Durations print exactly, in the largest unit people write",
    arguments: [
      (0, "0ms"), (1, "1ms"), (250, "250ms"), (999, "999ms"), (1000, "1s"), (1500, "1s500ms"),
      (30_000, "30s"), (59_999, "59s999ms"), (60_000, "60s"), (61_000, "1m1s"),
      (90_000, "1m30s"), (60_001, "1m1ms"), (120_000, "2m"), (3_600_000, "60m"),
      (3_660_000, "1h1m"), (3_601_000, "1h1s"), (5_400_000, "1h30m"), (7_200_000, "2h"),
      (86_400_000, "24h"), (90_000_000, "1d1h"), (86_460_000, "1d1m"), (172_800_000, "2d"),
      (-1500, "-1s500ms"),
    ] as [(Milliseconds, String)])
  func formats(_ millis: Milliseconds, _ text: String) {
    #expect(DurationText.format(millis) == text)
  }

  @Test("Every printed duration reads back as the same value")
  func roundTrip() {
    var random = TestRandom(seed: 7)
    var values: [Milliseconds] = [0, 1, 999, 1000, 59_999, 60_000, 3_600_000, 86_400_000]
    values += (0..<2000).map { _ in Milliseconds(random.int(0...200_000_000)) }
    values += (0..<200).map { _ in Milliseconds(random.int(0...Int(DurationText.maximum))) }
    values.append(DurationText.maximum)
    for value in values {
      let text = DurationText.format(value)
      #expect(DurationText.parse(text) == value, "\(value) printed as \(text)")
    }
  }

  @Test(
    "Percentages that parse",
    arguments: [
      ("0", 0), ("50", 50), ("50%", 50), ("12.5%", 12.5), ("12.34", 12.34), ("100", 100),
      ("100%", 100), ("0.1", 0.1), ("007", 7),
    ] as [(String, Double)])
  func percentParses(_ text: String, _ value: Double) {
    #expect(PercentText.parse(text) == value)
  }

  @Test(
    "Text that is not a percentage from 0 to 100",
    arguments: [
      "", "%", "101", "100.1", "-1", "+5", ".5", "5.", "1.2.3", "50%%", "%50", "1e2", "fifty",
      " 50", "50 %", "nan", "inf",
    ])
  func percentRejects(_ text: String) {
    #expect(PercentText.parse(text) == nil)
  }

  @Test(
    "Percentages print with at most one decimal",
    arguments: [
      (0, "0%"), (50, "50%"), (12.5, "12.5%"), (100.0 / 3, "33.3%"), (200.0 / 3, "66.7%"),
      (99.96, "100%"), (0.04, "0%"), (49.75, "49.8%"), (100, "100%"),
      (Double.infinity, "100%"),
    ] as [(Double, String)])
  func percentFormats(_ value: Double, _ text: String) {
    #expect(PercentText.format(value) == text)
  }
}
