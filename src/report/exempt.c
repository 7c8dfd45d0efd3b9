/* exempt.c - Schedule 12A to the Local Government Act 1972: the words of its
 * paragraphs, and the statutory notice the public edition of an exempt paper gives in
 * place of its content. (The marking of every page of a private edition is
 * furniture.c's.) */
#include "build_ctx.h"
#include "build_paper.h"

const char *exempt_paragraph_words(int paragraph)
{
    static const char *const words[] = {
        "Information relating to any individual.",
        "Information which is likely to reveal the identity of an individual.",
        "Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information).",
        "Information relating to any consultations or negotiations, or contemplated "
        "consultations or negotiations, in connection with any labour relations matter arising "
        "between the authority or a Minister of the Crown and employees of, or office-holders "
        "under, the authority.",
        "Information in respect of which a claim to legal professional privilege could be "
        "maintained in legal proceedings.",
        "Information which reveals that the authority proposes to give under any enactment a "
        "notice under or by virtue of which requirements are imposed on a person, or to make "
        "an order or direction under any enactment.",
        "Information relating to any action taken or to be taken in connection with the "
        "prevention, investigation or prosecution of crime."};
    return paragraph >= 1 && paragraph <= 7 ? words[paragraph - 1] : "";
}

/* The public edition of an exempt paper: its public facts and the statutory notice. */
void public_notice(rdoc *d, const paper *p)
{
    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode *n = rnode_add(d, body, RN_NOTICE);
    rnode *para = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, para, RN_STRONG), "Not for publication.");
    char *text = arena_printf(&d->arena,
                              " This report is not for publication because it contains exempt "
                              "information within the meaning of paragraph %d of Part 1 of "
                              "Schedule 12A to the Local Government Act 1972:",
                              p->exempt_paragraph);
    rnode_add_text(d, para, text);
    rnode *q = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, q, RN_EMPH), exempt_paragraph_words(p->exempt_paragraph));
}
