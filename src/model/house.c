/* house.c - built-in house style. */
#include "house.h"

#include <string.h>

void house_style_default(house_style *h)
{
    memset(h, 0, sizeof *h);
    h->page_width = 595.28;
    h->page_height = 841.89;
    h->margin_top = 62;
    h->margin_bottom = 62;
    h->margin_left = 62;
    h->margin_right = 62;
    h->body_size = 11;
    h->body_leading = 14.5;
    h->small_size = 9;
    h->small_leading = 11.5;
    h->table_min_size = 7.5;
    h->dates = DATES_LONG;
    h->h1_size = 16;
    h->h2_size = 13;
    h->h3_size = 11.5;
    h->paragraph_space = 7;
    h->number_indent = 34;
    h->accent = 0x1F3A5F;
    h->table_header_fill = 0xE4E8EE;
    h->table_rule = 0x8A94A3;
    h->font_regular = "LiberationSans-Regular.ttf";
    h->font_bold = "LiberationSans-Bold.ttf";
    h->font_italic = "LiberationSans-Italic.ttf";
    h->font_bold_italic = "LiberationSans-BoldItalic.ttf";

    h->rag[LEVEL_NONE] = (rag_colour){0xFFFFFF, 0x1A1A1A, "Not rated"};
    h->rag[LEVEL_COMPLETE] = (rag_colour){0x5B2C83, 0xFFFFFF, "Complete"};
    h->rag[LEVEL_NOT_DUE] = (rag_colour){0xE6E6E6, 0x1A1A1A, "Not yet due"};
    h->rag[LEVEL_GREEN] = (rag_colour){0x1E7B34, 0xFFFFFF, "Green"};
    h->rag[LEVEL_AMBER] = (rag_colour){0xF2B31B, 0x1A1A1A, "Amber"};
    h->rag[LEVEL_RED] = (rag_colour){0xB3261E, 0xFFFFFF, "Red"};

    h->theme_rag.method = THEME_RAG_WORST;
    h->theme_rag.red_overdue_percent = 20;
    h->theme_rag.amber_percent = 10;
    h->risk_review_days = 92;
}
