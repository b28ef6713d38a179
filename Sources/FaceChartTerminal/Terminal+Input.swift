import CNcursesw
import FaceChartUI
import Glibc

extension Terminal {
    /// One read from the keyboard.
    private enum Input {
        case character(UInt32)
        case functionKey(Int32)
        /// Nothing arrived in time (a timed read), or input is closed (a blocking read).
        case nothing
    }

    /// How long the rest of an escape sequence may take to arrive after its ESC, in milliseconds.
    /// Added to the 25 ms escape delay it keeps a lone Escape quick, and joins a sequence split
    /// across reads (ssh) rather than taking its tail for keys.
    private static let sequenceWait: Int32 = 30
    /// How long a paste may pause before its end marker is given up on, in milliseconds.
    private static let pasteWait: Int32 = 1_000

    /// Waits for the next key, mouse event, paste or resize. Returns `.inputEnded` when input is gone.
    /// Escape sequences the terminal library does not know are read whole and dropped, never
    /// taken for the Escape key.
    public func nextEvent() -> Event {
        guard !stopped else { return .inputEnded }
        while true {
            let input = read(waiting: -1)
            if case .nothing = input { return .inputEnded }
            if let event = event(for: input) { return event }
        }
    }

    /// Like `nextEvent()`, but returns `nil` when nothing arrives within `milliseconds`, so the caller
    /// can look at other work between keys.
    public func nextEvent(waitingAtMost milliseconds: Int32) -> Event? {
        guard !stopped else { return .inputEnded }
        while true {
            // Keys the terminal library already holds come first; then wait on the terminal itself.
            let input = read(waiting: 0)
            if case .nothing = input {
                var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, milliseconds)
                if ready == 0 || (ready < 0 && errno != EINTR) { return nil }
                // Readable (a blocking read returns at once), or a resize interrupted the wait.
                return ready > 0 ? nextEvent() : nextEvent(waitingAtMost: 0)
            }
            if let event = event(for: input) { return event }
        }
    }

    /// The event one read gives, or nil when it means nothing here.
    private func event(for input: Input) -> Event? {
        switch input {
        case .nothing: nil
        case .functionKey(let code): event(forFunctionKey: code)
        case .character(0x1B): readEscapeSequence()
        case .character(let code): KeyDecoding.key(forCharacter: code).map { .key($0) }
        }
    }

    private func event(forFunctionKey code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE:
            let current = size
            return .resized(width: current.width, height: current.height)
        case KEY_MOUSE: return readMouse().map { .mouse($0) }
        case functionKeys.pasteBegins where code != 0: return .paste(readPaste())
        default: return functionKeys.key(for: code).map { .key($0) }
        }
    }

    /// Reads one character or key, waiting at most `milliseconds` (-1: as long as it takes).
    private func read(waiting milliseconds: Int32) -> Input {
        wtimeout(facechart_stdscr(), milliseconds)
        defer { if milliseconds >= 0 { wtimeout(facechart_stdscr(), -1) } }
        var interruptions = 0
        while true {
            var character: wint_t = 0
            facechart_clear_errno()
            switch get_wch(&character) {
            case ERR:
                // A signal (e.g. SIGCONT) can interrupt a blocking read; anything else on one means
                // the input is closed: report it rather than read again forever.
                if milliseconds < 0, facechart_errno() == EINTR, interruptions < 100 {
                    interruptions += 1
                    continue
                }
                return .nothing
            case KEY_CODE_YES: return .functionKey(Int32(bitPattern: character))
            default: return .character(UInt32(character))
            }
        }
    }

    /// After an ESC: the Escape key when nothing follows in time; otherwise the sequence, read
    /// whole and decoded, or nil when it means nothing here (Alt with a key, an unknown sequence).
    private func readEscapeSequence() -> Event? {
        var following: [Unicode.Scalar] = []
        while true {
            switch read(waiting: Self.sequenceWait) {
            case .nothing:
                return following.isEmpty ? .key(.escape) : nil
            case .functionKey(let code):
                // A key the library knows right after ESC (Alt with an arrow): drop both, but never a resize.
                return code == KEY_RESIZE ? event(forFunctionKey: code) : nil
            case .character(let code):
                guard let scalar = Unicode.Scalar(code) else { return nil }
                following.append(scalar)
                switch EscapeSequence.read(following) {
                case .needMore: continue
                case .event(let event): return event
                case .drop: return nil
                }
            }
        }
    }

    /// The text of a bracketed paste, up to its end marker: line breaks as `\n`, tabs kept, other
    /// control characters dropped.
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        var afterCarriageReturn = false
        while true {
            switch read(waiting: Self.pasteWait) {
            case .nothing:
                return String(text)
            case .functionKey(let code):
                if code == functionKeys.pasteEnds { return String(text) }
            case .character(let code):
                defer { afterCarriageReturn = code == 0x0D }
                switch code {
                case 0x0D: text.append("\n")
                case 0x0A where afterCarriageReturn: break
                case 0x0A, 0x09: text.append(Unicode.Scalar(code)!)
                case 0x00...0x1F, 0x7F...0x9F: break
                default: if let scalar = Unicode.Scalar(code) { text.append(scalar) }
                }
            }
        }
    }

    /// The pending mouse event, or nil for events FaceChart does not use. A click that ncurses
    /// merged from a press and a release read together counts as a press.
    private func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let clicks = facechart_button1_pressed() | facechart_button1_clicked()
            | facechart_button1_double_clicked() | facechart_button1_triple_clicked()
        let kind: MouseEvent.Kind
        if state & clicks != 0 {
            kind = .press
        } else if state & facechart_button1_released() != 0 {
            kind = .release
        } else if state & facechart_button4_pressed() != 0 {
            kind = .scrollUp
        } else if state & facechart_button5_pressed() != 0 {
            kind = .scrollDown
        } else {
            return nil
        }
        // ncurses reports 0-based screen cells, the same convention as MouseEvent.
        return MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y))
    }
}
