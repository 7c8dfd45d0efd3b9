/* pack_json.h - a meeting's page map (out/<folder>/<meeting>.json): the meeting, and
 * for each pack (the agenda pack and a supplementary pack) its PDF, its pages, the
 * pages of its agenda, and every item with the first and last page of the pack it is
 * on, so that an app and the PDF agree; what `tabled index` lists meetings from. This
 * module alone writes and reads the format; README ("The page map") documents it. */
#ifndef TABLED_PACK_JSON_H
#define TABLED_PACK_JSON_H

#include <stddef.h>

#include "../model/meeting.h"
#include "../report/agenda_doc.h"
#include "../report/index_doc.h"
#include "../util/arena.h"
#include "../util/diag.h"
#include "../util/strbuf.h"

/* One pack as built. */
typedef struct {
    const agenda_spec *spec;    /* its agenda: the items it lists, with their pages */
    const char *pdf;            /* the PDF's file name, beside the page map */
    size_t pages;               /* its pages */
    size_t agenda_pages;        /* its agenda's pages: 1 to agenda_pages */
} pack_out;

/* Appends the page map of meeting m: its agenda page's file name (agenda_html, or
 * NULL), then each of the n packs. */
void pack_json_write(const meeting *m, const char *agenda_html, const pack_out *packs,
                     size_t n, strbuf *out);

/* Reads a page map (path names it in errors and gives the hrefs, relative to the
 * folder above it: out/meetings/x.json -> meetings/x.html). Returns 0; 1 when the JSON
 * is not a page map; -1 when it cannot be read (the error in diags). */
int pack_json_parse(const char *path, const char *data, size_t len, arena *a, diag_list *diags,
                    meeting_record *r);

#endif
