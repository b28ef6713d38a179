import FaceChartUI

/// What every screen is: state that an event changes (returning the saves and the navigation it asks
/// for) and that draws itself into a canvas.
protocol ScreenState {
    mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult
    func render(into canvas: inout Canvas, environment: ScreenEnvironment)
}

extension PatientListScreen: ScreenState {}
extension PatientFormScreen: ScreenState {}
extension PatientScreen: ScreenState {}
extension SessionSetupScreen: ScreenState {}
extension ChartingScreen: ScreenState {}
extension ReviewScreen: ScreenState {}
extension HistoryScreen: ScreenState {}
extension CompareScreen: ScreenState {}
extension ConflictScreen: ScreenState {}
