import CNcursesw
import FaceChartUI

/// How each `Role` looks on this terminal: a colour pair (0 means the terminal's own colours) plus
/// attributes that carry meaning even without colour.
struct RolePalette {
    struct Look {
        var pair: Int16
        var attributes: attr_t
    }

    private var looks: [Role: Look] = [:]

    /// A palette without colours (NO_COLOR, or a terminal without colour): only attributes.
    static func monochrome() -> RolePalette {
        var palette = RolePalette()
        for role in Role.allCases {
            palette.looks[role] = Look(pair: 0, attributes: monochromeAttributes(for: role))
        }
        return palette
    }

    /// Registers one colour pair per role with ncurses (after `start_color`/`use_default_colors`).
    /// `colors` is the number of colours the terminal has; 256-colour terminals get finer depth shades.
    static func colored(colors: Int, background: Int16) -> RolePalette {
        var palette = RolePalette()
        for (index, role) in Role.allCases.enumerated() {
            let pair = Int16(index + 1)
            let foreground = Self.foreground(for: role, colors: colors)
            if let foreground {
                init_pair(pair, foreground, background)
                palette.looks[role] = Look(pair: pair, attributes: colorAttributes(for: role, colors: colors))
            } else {
                palette.looks[role] = Look(pair: 0, attributes: colorAttributes(for: role, colors: colors))
            }
        }
        return palette
    }

    func look(for role: Role) -> Look {
        looks[role] ?? Look(pair: 0, attributes: facechart_a_normal())
    }

    /// The foreground colour that names the role's purpose; nil keeps the terminal's default.
    private static func foreground(for role: Role, colors: Int) -> Int16? {
        let rich = colors >= 256
        switch role {
        case .normal, .drawing, .label, .muted: return nil
        case .title, .accent: return Int16(COLOR_CYAN)
        case .danger: return Int16(COLOR_RED)
        case .warning: return Int16(COLOR_YELLOW)
        case .ok: return Int16(COLOR_GREEN)
        case .topUp: return Int16(COLOR_MAGENTA)
        // Depth shades run from pale (shallow) to deep blue; on 8 colours they stay distinct hues.
        case .intradermal: return rich ? 159 : Int16(COLOR_WHITE)
        case .subcutaneous: return rich ? 45 : Int16(COLOR_CYAN)
        case .intramuscular: return rich ? 33 : Int16(COLOR_BLUE)
        case .deep: return rich ? 99 : Int16(COLOR_BLUE)
        }
    }

    private static func colorAttributes(for role: Role, colors: Int) -> attr_t {
        switch role {
        case .muted: facechart_a_dim()
        case .label: facechart_a_bold()
        // On 8 colours deep shares blue with intramuscular; bold keeps them apart.
        case .deep where colors < 256: facechart_a_bold()
        default: facechart_a_normal()
        }
    }

    private static func monochromeAttributes(for role: Role) -> attr_t {
        switch role {
        case .muted: facechart_a_dim()
        // Without colour, the roles that warn must still stand out.
        case .label, .danger, .warning: facechart_a_bold()
        default: facechart_a_normal()
        }
    }
}
