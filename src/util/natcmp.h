/* natcmp.h - natural order for references: A.2 before A.10, KT2/1 before KT10/1. */
#ifndef TABLED_NATCMP_H
#define TABLED_NATCMP_H

int natcmp(const char *a, const char *b);

#endif
