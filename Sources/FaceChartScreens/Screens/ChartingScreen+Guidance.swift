import FaceChartCore
import FaceChartUI

extension ChartingScreen {
    /// `g`: the pen's guidance steps through none, landmark, EMG, electrical stimulation and ultrasound, and
    /// the selected point, if any, takes it too.
    mutating func cycleGuidance() -> [Effect] {
        pen.guidance = Guidance.next(after: selectedPoint?.guidance ?? pen.guidance)
        let name = pen.guidance?.name ?? "none"
        guard selectedPoint != nil, !session.isSigned else {
            message = StatusMessage("Pen guidance: \(name).")
            return []
        }
        let guidance = pen.guidance
        let effects = editSelected { $0.guidance = guidance }
        message = StatusMessage("Guidance: \(name), for the selected point and the points placed next.")
        return effects
    }
}
