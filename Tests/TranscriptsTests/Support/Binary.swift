import LabTestSupport

/// The built `breakerlab`, run in a scratch folder (shared with the end-to-end tests).
typealias Binary = BuiltBinary
