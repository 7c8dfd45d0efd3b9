/* meeting.c - a meeting's lifetime, and the words of its item kinds. */
#include "meeting.h"

#include <stdlib.h>

void meeting_free(meeting *m)
{
    if (!m) return;
    arena_free(&m->arena);
    free(m);
}

const char *item_kind_word(item_kind k)
{
    static const char *const words[ITEM__COUNT] = {
        "apologies", "declarations", "minutes", "public-questions", "urgent-business",
        "exclusion", ""};
    return k < ITEM__COUNT ? words[k] : "";
}

const char *meeting_detail_word(unsigned i)
{
    static const char *const words[MEETING_DETAIL__COUNT] = {
        "time", "venue", "membership", "clerk", "published"};
    return i < MEETING_DETAIL__COUNT ? words[i] : "";
}
