import LabTestSupport

/// The built `breakerlab`, run in a scratch folder (shared with the transcript tests).
typealias Breakerlab = BuiltBinary
