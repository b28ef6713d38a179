/// Where the charting screen puts things.
public enum ChartingLayout {
    /// The grid's top-left corner on the canvas: below the title row, at the left edge.
    public static let gridOrigin = (x: 0, y: 1)
    /// The widest the sidebar grows on a large terminal: wider only spreads its columns apart.
    public static let maximumSidebarWidth = 50
    /// The smallest terminal the charting screen can draw in.
    public static let minimumSize = (width: 80, height: 24)
}
