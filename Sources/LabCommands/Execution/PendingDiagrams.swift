import BreakerCore
import Diagrams

// Temporary stand-ins while the Diagrams target is written; removed when it lands.
extension Lab {
  func pendingDiagram(_ view: BreakerView) -> [String] {
    ["\(view.name): \(view.breaker.state.label)"]
  }

  func pendingDiagram(_ tracks: [TimelineTrack], _ start: Int64) -> [String] {
    tracks.map { "\($0.name): \($0.transitions.count) transitions" }
  }
}
