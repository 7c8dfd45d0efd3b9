/* paper_json.c - a built paper's JSON, written (see paper_json.h; the schema is in
 * README, "The paper's JSON"). paper_json_read.c reads it back. */
#include "paper_json.h"

#include <string.h>

#include "../analysis/changes.h"
#include "../util/fileio.h"
#include "../util/json.h"
#include "summary_out.h"

void paper_json_write(const paper_record *r, const analysis *an, strbuf *out)
{
    json_writer w;
    json_init(&w, out);
    json_begin_object(&w);
    json_key(&w, "paper");
    json_begin_object(&w);
    json_key(&w, "subject"); json_string(&w, r->subject);
    json_key(&w, "committee"); json_string(&w, r->committee);
    json_key(&w, "meeting"); json_string(&w, r->meeting_iso);
    json_key(&w, "meeting_date"); json_string(&w, r->meeting_date);
    json_key(&w, "item"); json_string(&w, r->item);
    json_key(&w, "report_of"); json_string(&w, r->report_of);
    json_key(&w, "organisation"); json_string(&w, r->organisation);
    json_key(&w, "variant"); json_string(&w, r->variant);
    json_key(&w, "as_at"); json_string(&w, r->as_at);
    json_key(&w, "as_at_date"); json_string(&w, r->as_at_iso);
    json_key(&w, "html"); json_bool(&w, r->html);
    json_key(&w, "pdf"); json_bool(&w, r->pdf);
    if (r->exempt_paragraph) {
        json_key(&w, "exempt_paragraph");
        json_int(&w, r->exempt_paragraph);
    }
    if (r->n_exempt_parts) {
        /* which appendices are exempt, under which paragraph: never what they say */
        json_key(&w, "exempt_appendices");
        json_begin_array(&w);
        for (size_t i = 0; i < r->n_exempt_parts; i++) {
            char letter[2] = {r->exempt_parts[i].letter, 0};
            json_begin_object(&w);
            json_key(&w, "appendix"); json_string(&w, letter);
            json_key(&w, "paragraph"); json_int(&w, r->exempt_parts[i].paragraph);
            json_end_object(&w);
        }
        json_end_array(&w);
    }
    json_end_object(&w);
    if (an) {
        json_key(&w, "rollup");
        rollup_json_write(&w, an);
    }
    if (an && an->changes) {
        /* what moved since the previous report, by kind (tabled changes has the rows) */
        char since[DATE_BUF];
        date_format_iso(date_of_day(an->since), since, sizeof since);
        json_key(&w, "changes");
        json_begin_object(&w);
        json_key(&w, "since");
        json_string(&w, since);
        for (int k = 0; k < CHANGE__COUNT; k++) {
            json_key(&w, change_kind_id((change_kind)k));
            json_int(&w, (long long)an->changes->count[k]);
        }
        json_key(&w, "total");
        json_int(&w, (long long)an->changes->n_rows);
        json_end_object(&w);
    }
    json_end_object(&w);
}
