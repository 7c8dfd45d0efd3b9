/* pdf_xmp.c - the document's XMP metadata packet: the same title, author, subject,
 * language, tool and dates as the information dictionary, and the PDF/UA-1
 * identification (pdfuaid:part 1) that says the file claims ISO 14289-1. */
#include <string.h>
#include <time.h>

#include "../../util/build_epoch.h"
#include "pdf_draw.h"
#include "pdf_layout.h"
#include "pdf_xmp.h"

/* Text as XML character data: & < > " escaped, control characters dropped. */
static void xml_text(strbuf *b, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n') sb_putc(b, (char)c);
        }
    }
}

/* Capped as the information dictionary's entries are, so the two say the same. */
static void alt(strbuf *b, const char *tag, const char *s)
{
    if (!s || !*s) return;
    strbuf tmp = STRBUF_INIT;
    sb_printf(b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
    xml_text(b, pdf_capped(&tmp, s, PDF_TITLE_MAX));
    sb_printf(b, "</rdf:li></rdf:Alt></%s>\n", tag);
    sb_free(&tmp);
}

static void simple(strbuf *b, const char *tag, const char *s)
{
    if (!s || !*s) return;
    sb_printf(b, "<%s>", tag);
    xml_text(b, s);
    sb_printf(b, "</%s>\n", tag);
}

void xmp_packet(strbuf *b, const rdoc *d, const char *producer)
{
    sb_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
               "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
               "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
               "<rdf:Description rdf:about=\"\""
               " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
               " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
               " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
               " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
               "<dc:format>application/pdf</dc:format>\n");
    alt(b, "dc:title", d->title);
    if (d->report_of && *d->report_of) {
        strbuf tmp = STRBUF_INIT;
        sb_puts(b, "<dc:creator><rdf:Seq><rdf:li>");
        xml_text(b, pdf_capped(&tmp, d->report_of, PDF_TITLE_MAX));
        sb_free(&tmp);
        sb_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    alt(b, "dc:description", d->subject);
    if (d->lang && *d->lang) {
        sb_puts(b, "<dc:language><rdf:Bag><rdf:li>");
        xml_text(b, d->lang);
        sb_puts(b, "</rdf:li></rdf:Bag></dc:language>\n");
    }
    simple(b, "pdf:Producer", producer);
    simple(b, "xmp:CreatorTool", "tabled");
    struct tm tm;
    if (build_epoch_utc(d->epoch, &tm)) {
        char when[32];
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        simple(b, "xmp:CreateDate", when);
        simple(b, "xmp:ModifyDate", when);
    }
    sb_puts(b, "<pdfuaid:part>1</pdfuaid:part>\n"
               "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
}
