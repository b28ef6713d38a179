import CNcursesw
import FaceChartUI
import Glibc

/// The ncurses screen: draws canvases and turns keyboard, mouse, paste and resize input into
/// `Event`s. The only type in FaceChart that talks to ncurses; ncurses is not thread-safe, so use
/// one `Terminal` from one thread.
public final class Terminal {
    /// The glyphs the locale can draw; screens should draw with these.
    public let glyphs: Glyphs
    private let drawsASCII: Bool
    private let palette: RolePalette
    let functionKeys: FunctionKeyMap
    /// The last canvas drawn and the terminal size it was drawn at, for drawing only what changed.
    private var previous: Canvas?
    private var previousSize: (width: Int, height: Int)?
    private var cursorVisible = false
    private(set) var stopped = false

    private init(glyphs: Glyphs, palette: RolePalette, functionKeys: FunctionKeyMap) {
        self.glyphs = glyphs
        drawsASCII = glyphs.isASCII
        self.palette = palette
        self.functionKeys = functionKeys
    }

    deinit { stop() }

    /// Takes over the terminal: full screen, raw keyboard, mouse clicks and scrolling, bracketed
    /// paste, colours unless NO_COLOR is set, glyphs the locale can draw. Throws a `TerminalError`
    /// (with a message for the user) instead of exiting when TERM is missing, unknown or names a
    /// terminal that cannot move its cursor, or when standard input/output is not a terminal.
    ///
    /// The keyboard is in raw mode: Ctrl-C arrives as `.key(.control("c"))`, not as SIGINT.
    public static func start(environment: [String: String]) throws -> Terminal {
        let glyphs = TerminalLocale.adopt(environment: environment)
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "output") }
        switch facechart_terminal_addresses_cursor(term) {
        case 0: throw TerminalError.noCursorAddressing(term: term)
        case 1: break
        default: throw TerminalError.unknownTerminal(term: term)
        }

        // Exported LINES/COLUMNS would pin the size and hide resizes. Measured with ncurses 6.4:
        // use_env(false) falls back to terminfo's 80x24, and with use_tioctl(true) resizes keep the
        // old size; dropping the variables leaves ncurses asking the tty, at start and on SIGWINCH.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        // newterm, unlike initscr, returns NULL for an unknown TERM instead of calling exit(1).
        guard newterm(term, facechart_stdout(), facechart_stdin()) != nil else {
            throw TerminalError.unknownTerminal(term: term)
        }
        TerminalRestore.arm()

        let window = facechart_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // The default 1000 ms makes Escape feel broken; 25 ms still joins real escape sequences.
        set_escdelay(25)
        curs_set(0)
        // A press and release that arrive in one read are merged into a click: ask for those too.
        mousemask(
            facechart_button1_pressed() | facechart_button1_released() | facechart_button1_clicked()
                | facechart_button1_double_clicked() | facechart_button1_triple_clicked()
                | facechart_button4_pressed() | facechart_button5_pressed(),
            nil
        )
        // Without this ncurses holds a press back waiting to see whether it becomes a click.
        mouseinterval(0)
        // Pasted text arrives between ESC [200~ and ESC [201~, so it is never read as keys.
        fputs(TerminalRestore.bracketedPasteOn, facechart_stdout())
        fflush(facechart_stdout())

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let palette: RolePalette
        if !noColor && has_colors() {
            start_color()
            // -1 keeps the user's own background; terminals that cannot do that get black.
            let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
            palette = .colored(colors: Int(facechart_colors()), background: background)
        } else {
            palette = .monochrome()
        }
        return Terminal(glyphs: glyphs, palette: palette, functionKeys: .forCurrentTerminal())
    }

    /// The terminal's current size in columns and rows.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        facechart_getmaxyx(facechart_stdscr(), &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Shows `canvas`: only the cells that changed since the last draw, or everything after a resize.
    /// Places and shows the cursor where `canvas.cursor` says, and hides it otherwise.
    public func draw(_ canvas: Canvas) {
        guard !stopped else { return }
        let current = size
        var last = previous
        if let lastCanvas = last, let lastSize = previousSize,
           lastCanvas.width != canvas.width || lastCanvas.height != canvas.height
            || lastSize.width != current.width || lastSize.height != current.height {
            last = nil
        }
        if last == nil { wclear(facechart_stdscr()) }

        let columns = min(canvas.width, current.width)
        let rows = min(canvas.height, current.height)
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if let last, !changed(at: x, y, from: last, to: canvas) { continue }
                put(cell, x: x, y: y, columnsLeft: columns - x)
            }
        }
        placeCursor(canvas.cursor, columns: columns, rows: rows)
        wrefresh(facechart_stdscr())
        previous = canvas
        previousSize = current
    }

    /// Forgets what is on screen so the next `draw` repaints everything (for Ctrl-L after garbage).
    public func redrawAll() {
        previous = nil
        clearok(facechart_stdscr(), true)
    }

    /// Gives the terminal back to the shell (normal screen, cursor, mouse reporting and bracketed
    /// paste off). Idempotent; also runs at exit and on fatal signals.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        TerminalRestore.restore()
    }

    // MARK: - Drawing

    /// Whether the cell at x, y (or the continuation half of a wide character starting there) differs.
    private func changed(at x: Int, _ y: Int, from last: Canvas, to canvas: Canvas) -> Bool {
        if last[x, y] != canvas[x, y] { return true }
        let next = x + 1
        return next < canvas.width && canvas[next, y].isContinuation && last[next, y] != canvas[next, y]
    }

    private func put(_ cell: Canvas.Cell, x: Int, y: Int, columnsLeft: Int) {
        let look = palette.look(for: cell.style.role)
        var attributes = look.attributes
        if cell.style.bold { attributes |= facechart_a_bold() }
        if cell.style.reverse { attributes |= facechart_a_reverse() }
        if cell.style.underline { attributes |= facechart_a_underline() }
        // A locale without UTF-8 cannot draw other characters at all: draw their ASCII forms, as
        // many columns as the character takes.
        let texts: [[wchar_t]] = drawsASCII && !cell.character.isASCII
            ? Glyphs.asciiText(for: cell.character).unicodeScalars.map { [wchar_t($0.value), 0] }
            // A wide character cut by the right edge would wrap; show a blank instead.
            : [ColumnWidth.of(cell.character) > columnsLeft ? [0x20, 0] : wideCharacters(for: cell.character)]
        for (offset, characters) in texts.enumerated() where offset < columnsLeft {
            _ = characters.withUnsafeBufferPointer { buffer in
                // The bottom-right cell reports ERR (the cursor cannot advance) but is still written.
                facechart_put_wide(Int32(y), Int32(x + offset), buffer.baseAddress, attributes, look.pair)
            }
        }
    }

    /// One spacing character followed by its combining marks (at most four, as cchar_t holds five),
    /// NUL-terminated, as setcchar wants them.
    private func wideCharacters(for character: Character) -> [wchar_t] {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next(), ColumnWidth.of(first) > 0 else { return [0x20, 0] }
        var result: [wchar_t] = [wchar_t(first.value)]
        while let mark = scalars.next(), result.count < 5 {
            if ColumnWidth.of(mark) == 0 { result.append(wchar_t(mark.value)) }
        }
        result.append(0)
        return result
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, columns: Int, rows: Int) {
        if let cursor, cursor.x >= 0, cursor.x < columns, cursor.y >= 0, cursor.y < rows {
            wmove(facechart_stdscr(), Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible {
                curs_set(1)
                cursorVisible = true
            }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
    }
}
