#ifndef FACECHART_CNCURSESW_SHIM_H
#define FACECHART_CNCURSESW_SHIM_H
// Wide-character ncurses (get_wch, setcchar, mvadd_wch) needs these before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

// The Glibc Swift module hides wcwidth; redeclare it.
extern int wcwidth(wchar_t c);

// Macros and mutable C globals that Swift cannot import (or Swift 6 rejects), wrapped as functions.

static inline WINDOW *facechart_stdscr(void) { return stdscr; }
static inline int facechart_lines(void) { return LINES; }
static inline int facechart_cols(void) { return COLS; }
static inline int facechart_colors(void) { return COLORS; }
static inline FILE *facechart_stdin(void) { return stdin; }
static inline FILE *facechart_stdout(void) { return stdout; }
static inline FILE *facechart_stderr(void) { return stderr; }

static inline int facechart_errno(void) { return errno; }
static inline void facechart_clear_errno(void) { errno = 0; }

static inline void facechart_getmaxyx(WINDOW *window, int *y, int *x) {
    int maxY, maxX;
    getmaxyx(window, maxY, maxX);
    *y = maxY;
    *x = maxX;
}

static inline attr_t facechart_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t facechart_a_normal(void) { return (attr_t)A_NORMAL; }
static inline attr_t facechart_a_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t facechart_a_dim(void) { return (attr_t)A_DIM; }
static inline attr_t facechart_a_reverse(void) { return (attr_t)A_REVERSE; }
static inline attr_t facechart_a_underline(void) { return (attr_t)A_UNDERLINE; }

static inline mmask_t facechart_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t facechart_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t facechart_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t facechart_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t facechart_button1_triple_clicked(void) { return BUTTON1_TRIPLE_CLICKED; }
static inline mmask_t facechart_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t facechart_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t facechart_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t facechart_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

static inline int facechart_key_f(int n) { return KEY_F(n); }

/// The key code ncurses assigned to a terminfo key capability such as "kUP" (shift-up in xterm),
/// or 0 when the terminal does not define it.
static inline int facechart_key_code_for_capability(const char *name) {
    char *definition = tigetstr(name);
    if (definition == NULL || definition == (char *)-1) return 0;
    int code = key_defined(definition);
    return code > 0 ? code : 0;
}

/// Puts one character (a spacing wide character plus up to four combining marks, NUL-terminated)
/// with attributes and colour pair at row y, column x of stdscr.
static inline int facechart_put_wide(int y, int x, const wchar_t *characters, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, characters, attributes, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

/// Whether the current locale's character set (after setlocale) is UTF-8.
static inline int facechart_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Whether the terminal type `term` can move the cursor to any cell (the terminfo `cup`
/// capability): 1 when it can, 0 when it cannot (dumb and hardcopy terminals), -1 when no terminfo
/// entry describes it.
static inline int facechart_terminal_addresses_cursor(const char *term) {
    int status = 0;
    if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) return status == 1 ? 0 : -1;
    const char *cup = tigetstr("cup");
    int addresses = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return addresses;
}

#endif
