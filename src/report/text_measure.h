/* text_measure.h - how wide a chart's label will be, before any renderer has a font.
 *
 * A figure's display list is in points and both translators draw it as it is, so the
 * report must fit labels itself: wrap a task's name in a Gantt chart's label column,
 * leave out a count that does not fit its bar. The house face is Liberation Sans,
 * metric-compatible with Arial and Helvetica, so their advance widths are used (in
 * thousandths of an em; bold a little wider); a character outside ASCII counts as a
 * wide one, so an estimate is never short. */
#ifndef TABLED_TEXT_MEASURE_H
#define TABLED_TEXT_MEASURE_H

#include <stddef.h>

#include "../util/arena.h"

/* The width of UTF-8 text at size points, regular or bold. */
double label_width(const char *s, double size, int bold);
/* Breaks text into lines no wider than width at size (at spaces; a word wider than
 * width stands alone, cut to fit with "..." when cut is 1). Fills lines[] (up to
 * max; the last line takes what is left, shortened with "..." when it does not fit)
 * with copies in a; returns how many. */
size_t text_wrap(arena *a, const char *text, double size, int bold, double width,
                 const char **lines, size_t max);

#endif
