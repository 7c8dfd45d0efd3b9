/* updates_yaml.c - writing an update file from a sheet's changes (updates_yaml.h). */
#include "updates_yaml.h"

#include <string.h>

#include "../analysis/sheet_view.h"

#define WIDTH 92                /* fold long text to lines of about this many columns */

/* ---- scalars ------------------------------------------------------------------------ */

/* The length of a character YAML cannot hold as it is in a plain or block scalar
 * (control characters, the Unicode line breaks NEL, LS and PS, a byte order mark), or
 * 0. Tab and line feed are allowed here; callers decide about them. */
static size_t special_at(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return 1;
    if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F) return 2;
    if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
        return 3;
    if (c == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) return 3;
    return 0;
}

static int has_special(const char *s)
{
    for (; *s; s++)
        if (special_at(s)) return 1;
    return 0;
}

/* 1 when s can be a plain scalar that YAML (and tabled) reads back as exactly s. */
static int plain_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > WIDTH - 20 || s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == ':') return 0;
    if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0])) return 0;
    if (!strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL"))
        return 0;
    if (strstr(s, ": ") || strstr(s, " #") || strchr(s, '\n') || strchr(s, '\t') || has_special(s))
        return 0;
    return 1;
}

static void quoted(strbuf *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    sb_putc(out, '"');
    for (; *s; s++) {
        size_t k = special_at(s);
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            sb_putc(out, '\\');
            sb_putc(out, *s);
        } else if (c == '\n') {
            sb_puts(out, "\\n");
        } else if (c == '\t') {
            sb_puts(out, "\\t");
        } else if (k == 1) {
            sb_puts(out, "\\x");
            sb_putc(out, hex[c >> 4]);
            sb_putc(out, hex[c & 15]);
        } else if (k == 2) {
            sb_puts(out, "\\x");
            sb_putc(out, hex[(unsigned char)s[1] >> 4]);
            sb_putc(out, hex[(unsigned char)s[1] & 15]);
            s++;
        } else if (k == 3) {
            sb_puts(out, (unsigned char)s[0] == 0xEF ? "\\uFEFF"
                         : (unsigned char)s[2] == 0xA8 ? "\\L" : "\\P");
            s += 2;
        } else {
            sb_putc(out, *s);
        }
    }
    sb_putc(out, '"');
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* One line of text as a folded block (">-"), broken only at single spaces between
 * words, which folding turns back into those spaces. */
static void folded(strbuf *out, const char *s, int indent)
{
    sb_puts(out, ">-\n");
    sb_printf(out, "%*s", indent + 2, "");
    int col = indent + 2, first = 1;
    while (*s) {
        const char *w = s, *p = s;
        while (*p && !(p > w && *p == ' ' && !is_blank(p[-1]) && p[1] && !is_blank(p[1]))) p++;
        int len = (int)(p - w);
        if (!first && col + 1 + len > WIDTH) {
            sb_printf(out, "\n%*s", indent + 2, "");
            col = indent + 2;
        } else if (!first) {
            sb_putc(out, ' ');
            col++;
        }
        sb_putn(out, w, (size_t)len);
        col += len;
        first = 0;
        s = *p ? p + 1 : p;
    }
}

/* Several lines as a literal block ("|-"). */
static void literal(strbuf *out, const char *s, int indent)
{
    sb_puts(out, "|-\n");
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (len) sb_printf(out, "%*s", indent + 2, "");
        sb_putn(out, s, len);
        sb_putc(out, '\n');
        s += len + (nl ? 1 : 0);
    }
    out->len--; /* the last line's break: the caller ends the line */
    out->data[out->len] = '\0';
}

void yaml_scalar(strbuf *out, const char *s, int indent)
{
    size_t n = strlen(s);
    if (plain_ok(s)) {
        sb_puts(out, s);
    } else if (!n || is_blank(s[0]) || is_blank(s[n - 1]) || s[n - 1] == '\n' || has_special(s)) {
        quoted(out, s);
    } else if (strchr(s, '\n')) {
        literal(out, s, indent);
    } else if (n > WIDTH - 20) {
        folded(out, s, indent);
    } else {
        quoted(out, s);
    }
}

/* ---- the file ---------------------------------------------------------------------- */

static void date_value(strbuf *out, fuzzy_date d)
{
    char buf[DATE_BUF];
    date_format_iso(d, buf, sizeof buf);
    sb_puts(out, buf);
}

/* "key: value\n" at indent, the value as a scalar. */
static void field(strbuf *out, int indent, const char *key, const char *value)
{
    sb_printf(out, "%*s%s: ", indent, "", key);
    yaml_scalar(out, value, indent);
    sb_putc(out, '\n');
}

static void date_field(strbuf *out, int indent, const char *key, fuzzy_date d)
{
    sb_printf(out, "%*s%s: ", indent, "", key);
    date_value(out, d);
    sb_putc(out, '\n');
}

/* The fields of an action or milestone entry, at indent (the "- ref:" line is the
 * caller's); `inherited` is the date the entry has without its own. */
static void schedule_fields(strbuf *out, const sheet_entry *e, int indent, fuzzy_date inherited)
{
    if (!sheet_same_date(e->date, inherited) || e->date.kind != inherited.kind) date_field(out, indent, "date", e->date);
    if (e->u.status) field(out, indent, "status", entered_status_name(e->u.status));
    if (e->u.rag) field(out, indent, "rag", stated_rag_id(e->u.rag));
    if (e->u.completed.kind != DATE_NONE) date_field(out, indent, "completed", e->u.completed);
    if (e->u.progress) field(out, indent, "progress", e->u.progress);
    if (e->u.reopened) field(out, indent, "reopened", e->u.reopened);
    if (!e->has_revision) return;
    sb_printf(out, "%*srevisions:\n", indent, "");
    sb_printf(out, "%*s- date: ", indent + 2, "");
    date_value(out, e->v.date);
    sb_putc(out, '\n');
    if (e->v.agreed.kind != DATE_NONE) date_field(out, indent + 4, "agreed", e->v.agreed);
    if (e->v.reason) field(out, indent + 4, "reason", e->v.reason);
}

/* "- key: ref  # row N"; the comment goes on a line of its own above an entry whose
 * ref takes several lines. */
static void entry_ref(strbuf *out, int indent, const char *key, const char *ref, int row)
{
    strbuf v = STRBUF_INIT;
    yaml_scalar(&v, ref, indent + 2);
    int one_line = !strchr(v.data, '\n');
    if (row && !one_line) sb_printf(out, "%*s# row %d\n", indent, "", row);
    sb_printf(out, "%*s- %s: %s", indent, "", key, v.data);
    if (row && one_line) sb_printf(out, "  # row %d", row);
    sb_putc(out, '\n');
    sb_free(&v);
}

static void actions(strbuf *out, const sheet_changes *c, fuzzy_date file_date)
{
    int any = 0;
    for (size_t i = 0; i < c->n;) {
        const sheet_entry *e = &c->entries[i];
        if (!e->action) {
            i++;
            continue;
        }
        if (!any++) sb_puts(out, "actions:\n");
        const action *a = e->action;
        fuzzy_date inherited = file_date;
        if (!e->milestone) {
            entry_ref(out, 2, "ref", a->ref, e->row->row);
            schedule_fields(out, e, 4, file_date);
            if (!sheet_same_date(e->date, file_date) || e->date.kind != file_date.kind) inherited = e->date;
            i++;
        } else {
            entry_ref(out, 2, "ref", a->ref, 0);
        }
        if (i < c->n && c->entries[i].action == a) sb_puts(out, "    milestones:\n");
        for (; i < c->n && c->entries[i].action == a; i++) {
            const sheet_entry *m = &c->entries[i];
            if (m->milestone->ref) entry_ref(out, 6, "ref", m->milestone->ref, m->row->row);
            else entry_ref(out, 6, "title", m->milestone->title, m->row->row);
            schedule_fields(out, m, 8, inherited);
        }
    }
}

static void risks(strbuf *out, const sheet_changes *c, fuzzy_date file_date)
{
    int any = 0;
    for (size_t i = 0; i < c->n; i++) {
        const sheet_entry *e = &c->entries[i];
        if (!e->risk) continue;
        if (!any++) sb_puts(out, "risks:\n");
        entry_ref(out, 2, "ref", e->risk->ref, e->row->row);
        if (!sheet_same_date(e->date, file_date) || e->date.kind != file_date.kind) date_field(out, 4, "date", e->date);
        if (e->has_review) {
            if (e->w.inherent.likelihood)
                sb_printf(out, "    inherent: {likelihood: %d, impact: %d}\n", e->w.inherent.likelihood,
                          e->w.inherent.impact);
            if (e->w.net.likelihood)
                sb_printf(out, "    net: {likelihood: %d, impact: %d}\n", e->w.net.likelihood, e->w.net.impact);
            if (e->w.review_by.kind != DATE_NONE) date_field(out, 4, "review-by", e->w.review_by);
            if (e->w.note) field(out, 4, "note", e->w.note);
        }
        if (e->has_closed) date_field(out, 4, "closed", e->closed);
    }
}

static void indicators(strbuf *out, const sheet_changes *c, fuzzy_date file_date)
{
    int any = 0;
    for (size_t i = 0; i < c->n;) {
        const sheet_entry *e = &c->entries[i];
        if (!e->indicator) {
            i++;
            continue;
        }
        if (!any++) sb_puts(out, "indicators:\n");
        /* One entry per indicator and date, with every period reported then. */
        entry_ref(out, 2, "code", e->indicator->code, e->row->row);
        if (!sheet_same_date(e->date, file_date) || e->date.kind != file_date.kind) date_field(out, 4, "date", e->date);
        sb_puts(out, "    actuals:\n");
        size_t j = i;
        for (; j < c->n && c->entries[j].indicator == e->indicator && sheet_same_date(c->entries[j].date, e->date) &&
               c->entries[j].date.kind == e->date.kind;
             j++) {
            char num[40];
            sheet_number_text(c->entries[j].actual, num, sizeof num);
            sb_puts(out, "      ");
            date_value(out, c->entries[j].period);
            sb_printf(out, ": %s", num);
            if (j > i) sb_printf(out, "  # row %d", c->entries[j].row->row);
            sb_putc(out, '\n');
        }
        i = j;
    }
}

/* text as "# " lines of about WIDTH columns, broken at spaces. */
static void comment(strbuf *out, const char *text)
{
    while (*text) {
        const char *end = text, *brk = NULL;
        while (*end && (end - text < WIDTH - 2 || !brk)) {
            if (*end == ' ') brk = end;
            end++;
        }
        if (!*end) brk = end;
        sb_puts(out, "# ");
        sb_putn(out, text, (size_t)(brk - text));
        sb_putc(out, '\n');
        text = *brk ? brk + 1 : brk;
    }
}

void updates_yaml(const sheet_changes *c, const sheet_return *r, const char *plan_path,
                  strbuf *out)
{
    char as_at[DATE_BUF], date[DATE_BUF];
    date_format(r->as_at, as_at, sizeof as_at);
    date_format(c->file_date, date, sizeof date);
    strbuf note = STRBUF_INIT;
    sb_printf(&note, "Updates from the sheet %s, read by `tabled import`. The sheet showed the "
                     "%s of %s as at %s; only the cells changed in it are here, each entry with "
                     "its row in the sheet. They report on %s unless an entry gives its own date.",
              r->file, r->spec->kind == SHEET_ACTIONS ? "actions and milestones" : r->spec->name,
              plan_path, as_at, date);
    comment(out, note.data);
    sb_free(&note);
    sb_puts(out, "date: ");
    date_value(out, c->file_date);
    sb_putc(out, '\n');
    actions(out, c, c->file_date);
    risks(out, c, c->file_date);
    indicators(out, c, c->file_date);
}
