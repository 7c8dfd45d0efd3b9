/* palette.c - the document's colours by role, from the house style, with every RAG
 * word's ink checked against its fill: WCAG 2 contrast of 4.5:1 or better, else the
 * better of near-black and white. Decided here once, so every output shows the same
 * colours. */
#include <math.h>

#include "report.h"

#define INK_DARK 0x1A1A1Au     /* text (17:1 on white) */
#define INK_LIGHT 0xFFFFFFu
#define INK_MUTED 0x4A4F57u    /* secondary text (8.4:1 on white) */
#define MIN_CONTRAST 4.5    /* WCAG 2.2 AA, normal text */

static double channel(unsigned v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(unsigned rgb)
{
    return 0.2126 * channel((rgb >> 16) & 255) + 0.7152 * channel((rgb >> 8) & 255) +
           0.0722 * channel(rgb & 255);
}

double colour_contrast(unsigned a, unsigned b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}

/* Ink for a fill: the house's if it reaches 4.5:1, else near-black or white. */
static unsigned safe_ink(unsigned fill, unsigned ink)
{
    if (colour_contrast(fill, ink) >= MIN_CONTRAST) return ink;
    return colour_contrast(fill, INK_DARK) >= colour_contrast(fill, INK_LIGHT) ? INK_DARK : INK_LIGHT;
}

void rdoc_set_palette(rdoc *d, const house_style *h)
{
    rpalette *p = &d->palette;
    for (int l = 0; l < RAG_LEVELS; l++) {
        p->rag[l].fill = h->rag[l].fill & 0xFFFFFF;
        p->rag[l].ink = safe_ink(p->rag[l].fill, h->rag[l].ink & 0xFFFFFF);
        p->rag[l].word = h->rag[l].word ? arena_strdup(&d->arena, h->rag[l].word) : "";
    }
    p->ink = INK_DARK;
    p->muted = INK_MUTED;
    p->paper = INK_LIGHT;
    p->accent = h->accent & 0xFFFFFF;
    p->accent_is_text = colour_contrast(p->accent, INK_LIGHT) >= MIN_CONTRAST;
    p->rule = h->table_rule & 0xFFFFFF;
    p->header_fill = h->table_header_fill & 0xFFFFFF;
}

unsigned palette_rgb(const rpalette *p, fcolour c)
{
    rag_level l = c.level < RAG_LEVELS ? (rag_level)c.level : LEVEL_NONE;
    switch ((fcolour_role)c.role) {
    case FC_RAG: return p->rag[l].fill;
    case FC_RAG_INK: return p->rag[l].ink;
    case FC_ACCENT: return p->accent;
    case FC_RULE: return p->rule;
    case FC_INK: return p->ink;
    case FC_MUTED: return p->muted;
    case FC_NONE:
    case FC_PAPER: return p->paper;
    }
    return p->paper;
}

const char *colour_name(unsigned rgb)
{
    double r = ((rgb >> 16) & 255) / 255.0, g = ((rgb >> 8) & 255) / 255.0, b = (rgb & 255) / 255.0;
    double mx = fmax(r, fmax(g, b)), mn = fmin(r, fmin(g, b)), c = mx - mn;
    double light = (mx + mn) / 2;
    if (c < 0.12) return light > 0.96 ? "White" : light < 0.15 ? "Black" : "Grey";
    double h;
    if (mx == r) h = fmod((g - b) / c, 6.0);
    else if (mx == g) h = (b - r) / c + 2;
    else h = (r - g) / c + 4;
    h *= 60;
    if (h < 0) h += 360;
    if (h < 15 || h >= 345) return "Red";
    if (h < 52) return "Amber";
    if (h < 70) return "Yellow";
    if (h < 170) return "Green";
    if (h < 200) return "Teal";
    if (h < 255) return "Blue";
    if (h < 300) return "Purple";
    return "Pink";
}
