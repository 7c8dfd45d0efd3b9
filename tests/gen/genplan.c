/* genplan.c - write a valid synthetic plan with N actions, for scale tests.
 *
 *   genplan N [SEED] > plan.yaml
 *
 * Themes of 50 actions; people, sources, recommendations, indicators and risks in
 * proportion; every date form (day, month, financial quarter and year, ongoing);
 * revisions on about one action in five, milestones on about one in four; statuses
 * and stated RAGs mixed. The output depends only on N and SEED (default 1): no clock,
 * no locale. Every date is consistent (due not before start, revisions not before the
 * start, completion dates between the start and the plan's `updated` date, 31 December
 * 2010), so `tabled check` passes with no errors; stated RAGs are mostly what the dates
 * give, so some optimistic-report warnings are expected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACTIONS_PER_THEME 50

static unsigned long long rng_state;

/* xorshift64*: small, fast, the same everywhere. */
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    unsigned long long r = rng_state * 2685821657736338717ULL;
    return n ? (unsigned)((r >> 33) % n) : 0;
}

/* Months are counted from April 2009 (month 0) to March 2012 (month 35). */
#define FIRST_YEAR 2009
#define FIRST_MONTH 4
#define LAST_MONTH_INDEX 35

static void month_of(int idx, int *y, int *m)
{
    int k = FIRST_MONTH - 1 + idx;
    *y = FIRST_YEAR + k / 12;
    *m = k % 12 + 1;
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* The financial year (its starting calendar year) and quarter of a month index. */
static void fy_of(int idx, int *fy, int *q)
{
    *fy = FIRST_YEAR + idx / 12;
    *q = (idx % 12) / 3 + 1;
}

/* A start date in month idx: a month, or a day in it. Returns the day, or 1. */
static int put_start(int idx)
{
    int y, m;
    month_of(idx, &y, &m);
    if (rnd(4) == 0) {
        int day = 1 + (int)rnd((unsigned)days_in(y, m));
        printf("%04d-%02d-%02d", y, m, day);
        return day;
    }
    printf("%04d-%02d", y, m);
    return 1;
}

/* A due date that ends no earlier than the end of month idx: a month, a day at the
 * end of it, its financial quarter or its financial year. */
static void put_due(int idx)
{
    int y, m, fy, q;
    month_of(idx, &y, &m);
    fy_of(idx, &fy, &q);
    switch (rnd(10)) {
    case 0: printf("%04d-%02d-%02d", y, m, days_in(y, m)); break;
    case 1: printf("%d/%02d Q%d", fy, (fy + 1) % 100, q); break;
    case 2: printf("%d/%02d", fy, (fy + 1) % 100); break;
    default: printf("%04d-%02d", y, m);
    }
}

/* A day in month idx, no earlier than the day `from`. */
static void put_day_from(int idx, int from)
{
    int y, m;
    month_of(idx, &y, &m);
    int n = days_in(y, m);
    if (from < 1) from = 1;
    if (from > n) from = n;
    printf("%04d-%02d-%02d", y, m, from + (int)rnd((unsigned)(n - from + 1)));
}

static void put_day(int idx) { put_day_from(idx, 1); }

static int min_int(int a, int b) { return a < b ? a : b; }

static const char *const verbs[] = {"Review", "Develop", "Implement", "Consult on",
                                    "Publish", "Agree", "Monitor", "Train staff in",
                                    "Procure", "Evaluate"};
static const char *const objects[] = {"the tenancy strategy", "the repairs service",
                                      "customer standards", "the rent arrears policy",
                                      "the empty homes plan", "the allocations scheme",
                                      "the website", "the equality impact assessment",
                                      "the value for money review", "the asset register"};
static const char *const statuses[] = {"not-started", "in-progress", "complete", "cancelled"};
static const char *const rags[] = {"red", "amber", "green"};

/* Writes the who list: one to three people. */
static void put_who(const char *indent, int people)
{
    int k = 1 + (int)rnd(3);
    if (k == 1) {
        printf("%swho: p%d\n", indent, (int)rnd((unsigned)people));
        return;
    }
    printf("%swho: [", indent);
    for (int i = 0; i < k; i++) printf("%sp%d", i ? ", " : "", (int)rnd((unsigned)people));
    printf("]\n");
}

/* The plan's `updated` date is 31 December 2010 (month 20): entered statuses are as at
 * then. An action that starts later is not started; a complete one was completed by
 * then. */
#define UPDATED_MONTH_INDEX 20

/* Status, completion date and stated RAG of an action or milestone that runs from
 * month s (day start_day of it) to month d. */
static void put_status(const char *indent, int s, int start_day, int d, int allow_cancel)
{
    if (s > UPDATED_MONTH_INDEX) {
        if (rnd(2)) printf("%sstatus: not-started\n", indent);
        return;
    }
    unsigned r = rnd(100);
    const char *st;
    if (r < 45) st = statuses[2];
    else if (r < 80) st = statuses[1];
    else if (r < 90) st = statuses[0];
    else if (r < 95 && allow_cancel) st = statuses[3];
    else st = NULL; /* not given: in progress */
    if (st) printf("%sstatus: %s\n", indent, st);
    if (st == statuses[2]) {
        /* Completed between the start and three months after the due month, and by
         * the plan's update. */
        int last = min_int(d + 3, UPDATED_MONTH_INDEX);
        int c = s + (int)rnd((unsigned)(last - s + 1));
        if (rnd(3) == 0) {
            int y, m;
            month_of(c, &y, &m);
            printf("%scompleted: %04d-%02d\n", indent, y, m);
        } else {
            printf("%scompleted: ", indent);
            put_day_from(c, c == s ? start_day : 1);
            printf("\n");
        }
        if (rnd(4) == 0) printf("%srag: complete\n", indent);
    } else if (st != statuses[3] && rnd(10) < 6) {
        /* Mostly the RAG the dates would give, sometimes an optimistic one. */
        unsigned k = rnd(20);
        const char *rag = d < UPDATED_MONTH_INDEX ? (k < 14 ? rags[0] : k < 18 ? rags[1] : rags[2])
                                                  : (k < 2 ? rags[0] : k < 5 ? rags[1] : rags[2]);
        printf("%srag: %s\n", indent, rag);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: genplan N [SEED] > plan.yaml\n");
        return 2;
    }
    char *end;
    long n = strtol(argv[1], &end, 10);
    if (*end || n < 0 || n > 10000000) {
        fprintf(stderr, "genplan: N must be a whole number from 0 to 10000000\n");
        return 2;
    }
    unsigned long long seed = 1;
    if (argc == 3) {
        seed = strtoull(argv[2], &end, 10);
        if (*end) {
            fprintf(stderr, "genplan: SEED must be a whole number\n");
            return 2;
        }
    }
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL;
    if (!rng_state) rng_state = 1;

    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    int themes = (int)((n + ACTIONS_PER_THEME - 1) / ACTIONS_PER_THEME);
    if (themes < 1) themes = 1;
    int people = 5 + (int)(n / 200);
    int sources = 2 + (int)(n / 20000);
    int recs = 6 + (int)(n / 1000);
    int indicators = 3 + (int)(n / 5000);
    int risks = 3 + (int)(n / 2000);

    printf("# Synthetic plan from tests/gen/genplan: %ld actions, seed %llu.\n", n, seed);
    printf("plan:\n"
           "  title: Synthetic Improvement Plan\n"
           "  organisation: Generated Borough Council\n"
           "  short-title: SIP\n"
           "  updated: 2010-12-31\n"
           "  roles:\n"
           "    project-sponsor: p0\n"
           "    project-manager: p1\n");

    printf("people:\n");
    for (int i = 0; i < people; i++) {
        printf("  - id: p%d\n", i);
        if (i % 3) printf("    name: Officer %d\n", i);
        if (i % 5 == 0) printf("    role: Head of Service %d\n", i);
        if (i % 7 == 0) printf("    email: officer%d@example.gov.uk\n", i);
    }

    printf("sources:\n");
    for (int i = 1; i <= sources; i++)
        printf("  - id: s%d\n    title: Inspection report %d\n    date: 2009-%02d\n", i, i,
               1 + (i - 1) % 12);

    printf("recommendations:\n");
    for (int i = 1; i <= recs; i++)
        printf("  - ref: R%d\n    source: s%d\n    text: Recommendation %d of the inspection.\n",
               i, 1 + (i - 1) % sources, i);

    printf("themes:\n");
    for (int t = 1; t <= themes; t++) {
        printf("  - ref: T%d\n    title: Theme %d\n    lead: p%d\n", t, t, (t - 1) % people);
        if (t % 4) printf("    priority: %d\n", 1 + t % 3);
    }

    printf("actions:\n");
    for (long i = 0; i < n; i++) {
        int t = (int)(i / ACTIONS_PER_THEME) + 1;
        long k = i % ACTIONS_PER_THEME + 1;
        int s = (int)rnd(30);                                 /* April 2009 - Sept 2011 */
        int d = min_int(s + 1 + (int)rnd(12), LAST_MONTH_INDEX - 3);
        if (d < s) d = s;
        printf("  - ref: T%d.%ld\n    theme: T%d\n    description: %s %s (%ld)\n", t, k, t,
               verbs[rnd(10)], objects[rnd(10)], i + 1);
        put_who("    ", people);
        printf("    start: ");
        int start_day = put_start(s);
        printf("\n    due: ");
        if (rnd(40) == 0) printf("ongoing");
        else put_due(d);
        printf("\n");
        if (rnd(5) == 0) {
            int nrev = 1 + (int)rnd(2);
            int rd = d, agreed = s - 1;
            printf("    revisions:\n");
            for (int r = 0; r < nrev; r++) {
                rd = min_int(rd + 1 + (int)rnd(4), LAST_MONTH_INDEX);
                int y, m;
                month_of(rd, &y, &m);
                printf("      - date: %04d-%02d\n        agreed: ", y, m);
                /* agreed in a later month than the revision before it (domain 3a) */
                int lo = agreed + 1 > s ? agreed + 1 : s;
                agreed = min_int(lo + (int)rnd((unsigned)(rd > lo ? rd - lo + 1 : 1)), LAST_MONTH_INDEX);
                put_day(agreed);
                printf("\n        reason: Revised at panel meeting %d.\n", r + 1);
            }
        }
        if (rnd(3) == 0) printf("    measure: Agreed by the improvement board.\n");
        if (rnd(3) == 0) printf("    recommendations: [R%d]\n", 1 + (int)rnd((unsigned)recs));
        if (k > 1 && rnd(6) == 0) printf("    related: T%d.%ld\n", t, 1 + (long)rnd((unsigned)(k - 1)));
        if (rnd(4) == 0) printf("    progress: On track; see the board minutes.\n");
        put_status("    ", s, start_day, d, 1);
        if (rnd(4) == 0) {
            int nm = 1 + (int)rnd(3);
            printf("    milestones:\n");
            for (int j = 0; j < nm; j++) {
                int md = min_int(s + (int)rnd((unsigned)(d - s + 1)), LAST_MONTH_INDEX);
                int y, m;
                month_of(md, &y, &m);
                printf("      - title: Step %d\n        due: %04d-%02d\n", j + 1, y, m);
                put_status("        ", s, start_day, md, 0);
            }
        }
    }

    printf("indicators:\n");
    for (int i = 1; i <= indicators; i++) {
        int lower = i % 3 == 0;
        printf("  - code: PI %d\n    description: Indicator %d\n    unit: \"%s\"\n"
               "    polarity: %s\n    theme: T%d\n"
               "    baseline: {period: 2008/09, value: %d}\n"
               "    targets: {2009/10: %d, 2010/11: %d, 2011/12: %d}\n"
               "    actuals: {2009/10: %d, 2010/11: %d}\n",
               i, i, lower ? "days" : "%", lower ? "lower" : "higher", 1 + (i - 1) % themes,
               50 + (int)rnd(40), 60 + (int)rnd(30), 60 + (int)rnd(30), 60 + (int)rnd(30),
               50 + (int)rnd(50), 50 + (int)rnd(50));
    }

    printf("risks:\n");
    for (int i = 1; i <= risks; i++) {
        int li = 1 + (int)rnd(5), im = 1 + (int)rnd(5);
        printf("  - ref: RK%d\n    theme: T%d\n    description: Risk %d to delivery.\n"
               "    owner: p%d\n    inherent: {likelihood: %d, impact: %d}\n"
               "    net: {likelihood: %d, impact: %d}\n    reviewed: 2010-%02d-15\n",
               i, 1 + (i - 1) % themes, i, (i - 1) % people, li, im, 1 + (int)rnd((unsigned)li),
               1 + (int)rnd((unsigned)im), 1 + (int)rnd(12));
    }

    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("genplan: write");
        return 1;
    }
    return 0;
}
