/* fingerprint.c - a 128-bit hash of what a document says (its metadata, the house's
 * page geometry, the build's time and every node's content), so the same inputs give
 * the same value on every run: the PDF's /ID. Taken by the builder before it settles
 * the presentation (front-sheet lines, labels, ids), so it depends on the content
 * alone. */
#include <string.h>

#include "report.h"

typedef struct {
    uint64_t a, b;
} hash128;

static const hash128 seed = {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull};

static void hmix(hash128 *h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h->a = (h->a ^ p[i]) * 0x100000001b3ull;
        h->b = (h->b ^ p[i]) * 0x100000001b3ull + (h->a >> 29);
    }
}

static void hstr(hash128 *h, const char *s)
{
    if (s) hmix(h, s, strlen(s) + 1);
    else hmix(h, "\xff", 1);
}

/* A number for each node type that never changes, whatever the enum's order. */
static int type_code(rnode_type t)
{
    switch (t) {
    case RN_DOCUMENT: return 0;
    case RN_FRONT_SHEET: return 1;
    case RN_FIELD: return 2;
    case RN_BODY: return 3;
    case RN_HEADING: return 4;
    case RN_PARAGRAPH: return 5;
    case RN_LIST: return 6;
    case RN_ITEM: return 7;
    case RN_BLOCKQUOTE: return 8;
    case RN_CODE_BLOCK: return 9;
    case RN_THEMATIC_BREAK: return 10;
    case RN_TABLE: return 11;
    case RN_CAPTION: return 12;
    case RN_ROW: return 13;
    case RN_CELL: return 14;
    case RN_APPENDIX: return 15;
    case RN_NOTICE: return 16;
    case RN_TEXT: return 17;
    case RN_SOFTBREAK: return 18;
    case RN_LINEBREAK: return 19;
    case RN_CODE: return 20;
    case RN_EMPH: return 21;
    case RN_STRONG: return 22;
    case RN_STRIKE: return 23;
    case RN_LINK: return 24;
    case RN_IMAGE: return 25;
    case RN_BADGE: return 26;
    case RN_FRONT_LINE: return 27;
    case RN_FIGURE: return 28;
    }
    return -1;
}

static void hnode(hash128 *h, const rnode *n)
{
    /* only the fields n's type uses (the others share their storage) */
    rnode_type t = n->type;
    int heading = t == RN_HEADING, list = t == RN_LIST;
    int cell_or_badge = t == RN_CELL || t == RN_BADGE;
    int numbered = t == RN_HEADING || t == RN_PARAGRAPH || t == RN_ITEM || t == RN_APPENDIX;
    int v[6] = {type_code(t), heading ? n->level : list ? n->start : t == RN_APPENDIX ? n->exempt : 0,
                list && (n->flags & RF_ORDERED),
                (int)(n->flags & ~(list ? RF_ORDERED | RF_TIGHT : 0)),
                cell_or_badge ? n->rag : 0, t == RN_CELL ? n->colspan : 0};
    hmix(h, v, sizeof v);
    hstr(h, n->text);
    hstr(h, numbered ? n->number : NULL);
    hstr(h, t == RN_LINK || t == RN_IMAGE ? n->url : NULL);
    for (const rnode *c = n->first; c; c = c->next) hnode(h, c);
    hmix(h, "\0", 1);
}

static void put(unsigned char out[16], hash128 h)
{
    for (int i = 0; i < 8; i++) {
        out[i] = (unsigned char)(h.a >> (8 * i));
        out[8 + i] = (unsigned char)(h.b >> (8 * i));
    }
}

void rdoc_fingerprint(rdoc *d, const house_style *hs)
{
    house_style def;
    if (!hs) {
        house_style_default(&def);
        hs = &def;
    }
    hash128 h = seed;
    const char *meta[] = {d->title, d->subject, d->committee, d->meeting_date, d->item,
                          d->report_of, d->organisation, d->variant_title, d->lang, d->epoch};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++) hstr(&h, meta[i]);
    hmix(&h, &d->exempt_paragraph, sizeof d->exempt_paragraph);
    double geo[] = {hs->page_width, hs->page_height, hs->margin_top, hs->margin_left,
                    hs->body_size, hs->small_size, hs->number_indent};
    hmix(&h, geo, sizeof geo);
    if (d->root) hnode(&h, d->root);
    put(d->fingerprint, h);
    d->has_fingerprint = 1;
}

void fingerprint_combine(unsigned char id[16], const unsigned char more[16])
{
    hash128 h = {0, 0};
    for (int i = 0; i < 8; i++) {
        h.a |= (uint64_t)id[i] << (8 * i);
        h.b |= (uint64_t)id[8 + i] << (8 * i);
    }
    hmix(&h, more, 16);
    put(id, h);
}
