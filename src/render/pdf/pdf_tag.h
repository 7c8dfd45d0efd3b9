/* pdf_tag.h - the PDF's logical structure (tagged PDF, PDF/UA-1): structure elements
 * made from the report's nodes as their content is drawn, the marked-content ids of
 * each page, the annotations that belong to links, and the structure tree, parent
 * tree and their objects written at the end (pdf_tag.c builds, pdf_tag_write.c
 * writes).
 *
 * The report tree decides what each piece of content is: the drawing code asks for
 * the element that owns content made from a node (tag_owner), and the element and any
 * of its ancestors not yet made are made then, in the order content is drawn, which is
 * the reading order (pdftotext -raw reads the same order from the content stream). A
 * node's element is found again when its content continues (a paragraph over a page
 * break, a cell whose row is cut). Content that is not the document's - furniture,
 * rules and fills, repeated header rows - is drawn as artifacts and asks for nothing.
 * Several documents may go into one writer: each gets an element of its own under the
 * structure tree's root (a Document; Parts of one Document when there are several). */
#ifndef TABLED_PDF_TAG_H
#define TABLED_PDF_TAG_H

#include <stddef.h>
#include <stdint.h>

#include "../../report/report.h"
#include "../../util/strbuf.h"
#include "pdf_objects.h"

typedef struct ptags ptags;

/* What the content is: text (or a node touched so that an empty table cell still has
 * its element), or the drawing of a figure or image. */
typedef enum { TAG_TEXT, TAG_TOUCH, TAG_DRAWING } tag_use;

ptags *tag_new(void);
void tag_free(ptags *t);

/* A document's content follows, its nodes from d's tree. */
void tag_doc_begin(ptags *t, const rdoc *d);
/* The document begun last comes before document k (0-based, in the order begun) in
 * the structure tree, as its pages come before k's (a pack's agenda, laid out after
 * the reports it lists but put in front of them). */
void tag_doc_before(ptags *t, size_t k);
/* A page begins: page_obj is its object number. Returns its /StructParents key. */
int tag_page_begin(ptags *t, uint32_t page_obj);

/* The element that owns content of this use made from node n, made if need be; -1
 * when such content is an artifact (a figure or image with no text alternative). */
int32_t tag_owner(ptags *t, const rnode *n, tag_use use);
/* A table row's content is about to be drawn: when some of it was drawn before (a row
 * cut at a page's foot, continued on the next), this part becomes a row of its own,
 * with cells of its own, after the first, so that the tree reads as the pages do. */
void tag_row_part(ptags *t, const rnode *row);
/* The structure type of element e ("P", "TD"): the tag its marked content carries. */
const char *tag_type_name(const ptags *t, int32_t e);
/* The next marked-content id on the current page, given to element e. */
int tag_mcid(ptags *t, int32_t e);
/* An annotation (object annot_obj on page page_obj) that belongs to element e (a
 * Link): returns its /StructParent key. */
int tag_annot(ptags *t, int32_t e, uint32_t annot_obj, uint32_t page_obj);

/* The structure tree's objects: numbered in o, serialised and added to it. Returns the
 * number of the StructTreeRoot, or 0 when there is no content at all. */
uint32_t tag_write(ptags *t, pobjects *o);
/* Elements made and marked-content ids given (for tests and statistics). */
size_t tag_count(const ptags *t, size_t *mcids);

#endif
