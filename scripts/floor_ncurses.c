/* The floor for FaceChart's first frame: a bare C ncursesw program that starts the terminal the way
   FaceChart does, draws one screenful of a patient list, waits for a key and quits.
   Built and run by scripts/bench.sh. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    setlocale(LC_ALL, "");
    const char *term = getenv("TERM");
    if (!newterm(term, stdout, stdin)) return 1;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    mvaddstr(0, 0, "Floor Patients (0)");
    mvaddstr(3, 0, "Name                           Age  Last visit        Last total  Review");
    for (int row = 4; row < LINES - 1; row++) mvprintw(row, 0, "Patient %-22d  42  2026-01-01 10:00      20.00 U", row);
    mvaddstr(LINES - 1, 0, "Enter open - n new patient - / filter - q quit");
    refresh();
    wint_t key;
    get_wch(&key);
    endwin();
    return 0;
}
