/* outputs.c - output file names, collisions between inputs, removal of a failed
 * paper's files. */
#include "outputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/xalloc.h"

static const char *const exts[OUT__COUNT] = {".pdf", ".html", ".pdf", ".html", ".d", ".d", ".json"};

char *out_path(const char *outdir, const char *plan, const char *paper, out_kind k)
{
    int private = k == OUT_PRIVATE_PDF || k == OUT_PRIVATE_HTML || k == OUT_PRIVATE_DEP;
    size_t n = strlen(outdir) + strlen(plan) + strlen(paper) + 32;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s%s/%s%s", outdir, private ? "private/" : "", plan, paper, exts[k]);
    return p;
}

int out_remove(const char *outdir, const char *plan, const char *paper, unsigned keep,
               diag_list *diags)
{
    int rc = 0;
    for (int k = 0; k < OUT__COUNT; k++) {
        if (keep & (1u << k)) continue;
        char *p = out_path(outdir, plan, paper, (out_kind)k);
        if (unlink(p) != 0 && errno != ENOENT) {
            diag_error(diags, make_pos(p, 0, 0),
                       "cannot remove this old output (%s): it no longer matches its sources",
                       strerror(errno));
            rc = -1;
        }
        free(p);
    }
    return rc;
}

int out_check_names(const char *plan, const char *paper, srcpos pos, diag_list *diags)
{
    int rc = 0;
    if (!*paper || !strcmp(paper, "rollup")) {
        diag_error(diags, pos, "a paper cannot be called '%s.md': its JSON would overwrite %s; "
                   "rename the file", paper, *paper ? "the plan's roll-up (rollup.json)" : "another output");
        rc = -1;
    }
    if (!strcmp(plan, "private")) {
        diag_error(diags, pos, "a plan's folder cannot be called 'private': tabled writes the "
                   "private editions of exempt papers to out/private/; rename the folder");
        rc = -1;
    }
    return rc;
}

void out_claims_init(out_claims *c) { hashmap_init(&c->owners); }

void out_claims_free(out_claims *c)
{
    for (size_t i = 0; i < c->owners.cap; i++) {
        if (!c->owners.slots[i].key) continue;
        free((char *)c->owners.slots[i].key);
        free(c->owners.slots[i].value);
    }
    hashmap_free(&c->owners);
}

int out_claim(out_claims *c, const char *plan, const char *paper, const char *input,
              srcpos pos, diag_list *diags, const char **other)
{
    size_t n = strlen(plan) + strlen(paper) + 2;
    char *key = xmalloc(n);
    snprintf(key, n, "%s/%s", plan, paper);
    const char *owner = hashmap_get(&c->owners, key);
    if (!owner) {
        hashmap_put(&c->owners, key, xstrdup(input));
        return 1;
    }
    free(key);
    if (!strcmp(owner, input)) return 0;
    if (other) *other = owner;
    if (diags)
            diag_error(diags, pos, "%s and %s would both be written to %s/%s.*; rename one of them",
                   owner, input, plan, paper);
    return -1;
}
