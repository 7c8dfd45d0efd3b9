/* rag.c - names of RAG levels. */
#include "rag.h"

const char *rag_level_name(rag_level l)
{
    static const char *const names[] = {"None", "Complete", "Not yet due", "Green", "Amber", "Red"};
    return (unsigned)l < RAG_LEVELS ? names[l] : "";
}

const char *rag_level_id(rag_level l)
{
    static const char *const ids[] = {"none", "complete", "not-due", "green", "amber", "red"};
    return (unsigned)l < RAG_LEVELS ? ids[l] : "";
}
